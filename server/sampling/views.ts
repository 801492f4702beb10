import type { OutputView } from "./queries";
import type { SamplingQueue } from "./rule";

/** A last-turn queue sees outputs as turns of threads with its idle time; any other sees each output alone. */
export function viewOf(queue: SamplingQueue, asOf = new Date()): OutputView {
  return { threadIdleMinutes: queue.rule.thread === "last_turn" ? queue.rule.threadIdleMinutes : null, asOf };
}

/** Queues grouped by the view they see outputs through, so each group needs one query. */
export function groupByView(queues: readonly SamplingQueue[]): { view: OutputView; queues: SamplingQueue[] }[] {
  const groups = new Map<string, { view: OutputView; queues: SamplingQueue[] }>();
  for (const queue of queues) {
    const view = viewOf(queue);
    const key = String(view.threadIdleMinutes);
    const group = groups.get(key) ?? { view, queues: [] };
    group.queues.push(queue);
    groups.set(key, group);
  }
  return [...groups.values()];
}
