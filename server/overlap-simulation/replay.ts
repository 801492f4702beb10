import { createRandom, drawInteger, sortLabelIds, type LabelColumns, type Random } from "@/server/quality";
import { countVotes, resolveLabels } from "@/server/resolution/rules";

/** How many answers an item gets: always k, or k to start and one more per disagreement up to K. */
export type OverlapPolicy = { kind: "fixed"; k: number } | { kind: "adaptive"; min: number; max: number };

export type ReplaySettings = {
  policies: readonly OverlapPolicy[];
  /** The majority share a label needs to become gold without a lead, as in a queue's settings. */
  threshold: number;
  seed: number;
  runs: number;
};

/** One policy's result, averaged over the runs. */
export type PolicyOutcome = {
  policy: OverlapPolicy;
  /** Answers the policy paid for (per run). */
  labelsSpent: number;
  /** Share of truth items whose majority label equals the truth. */
  accuracy: number;
  /** Items whose answers did not reach the threshold: in the product they wait for a lead. */
  leftForLead: number;
  /** Items that wanted more answers than the file holds for them (they use what there is). */
  shortOfLabels: number;
};

export type ReplayResult = {
  items: number;
  truthItems: number;
  labels: number;
  outcomes: PolicyOutcome[];
};

/** The file's answers grouped by item, with each item's answers in the order they arrive. */
type ItemAnswers = { itemIds: string[]; labels: string[][] };

/** Replays the file in a random order: each item's answers arrive in the order of one shuffle of all rows. */
function shuffleAnswers(columns: LabelColumns, random: Random): ItemAnswers {
  const order = Int32Array.from(columns.items, (_, index) => index);
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = drawInteger(random, index + 1);
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  const positions = new Map<string, number>();
  const grouped: ItemAnswers = { itemIds: [], labels: [] };
  for (const row of order) {
    const item = columns.items[row]!;
    let position = positions.get(item);
    if (position === undefined) {
      position = grouped.itemIds.length;
      positions.set(item, position);
      grouped.itemIds.push(item);
      grouped.labels.push([]);
    }
    grouped.labels[position]!.push(columns.labels[row]!);
  }
  return grouped;
}

/** How many of an item's answers (in arrival order) a policy takes, and whether it wanted more than there were. */
export function countTaken(policy: OverlapPolicy, answers: readonly string[], threshold: number): { taken: number; isShort: boolean } {
  if (policy.kind === "fixed") return { taken: Math.min(policy.k, answers.length), isShort: answers.length < policy.k };
  let taken = Math.min(policy.min, answers.length);
  if (answers.length < policy.min) return { taken, isShort: true };
  while (taken < policy.max && resolveLabels(answers.slice(0, taken), threshold).kind === "conflict") {
    if (taken === answers.length) return { taken, isShort: true };
    taken += 1;
  }
  return { taken, isShort: false };
}

/** The most frequent label; a tie goes to the lowest label in `labelOrder` (the CLI's majority-vote rule). */
function pickMajority(votes: readonly string[], labelOrder: ReadonlyMap<string, number>): string {
  const counts = countVotes(votes);
  const top = counts[0]!.count;
  return counts
    .filter((entry) => entry.count === top)
    .map((entry) => entry.value)
    .sort((a, b) => labelOrder.get(a)! - labelOrder.get(b)!)[0]!;
}

/**
 * Replays crowd answers under each overlap policy and scores the outcome against the truth. Every policy
 * sees the same arrival order within a run, so their differences are not noise from different shuffles.
 * Items with a split vote are scored by their majority label (lowest on a tie) and counted as left for a
 * lead, because that is what the product does with them: it opens a conflict.
 */
export function replayOverlap(columns: LabelColumns, truth: ReadonlyMap<string, string>, settings: ReplaySettings): ReplayResult {
  const labelOrder = new Map(sortLabelIds(columns.labels).sorted.map((label, rank) => [label, rank]));
  const totals = settings.policies.map(() => ({ labelsSpent: 0, correct: 0, leftForLead: 0, shortOfLabels: 0 }));
  let items = 0;
  let truthItems = 0;
  for (let run = 0; run < settings.runs; run += 1) {
    const answers = shuffleAnswers(columns, createRandom(settings.seed + run));
    items = answers.itemIds.length;
    truthItems = answers.itemIds.filter((item) => truth.has(item)).length;
    settings.policies.forEach((policy, index) => {
      const total = totals[index]!;
      answers.itemIds.forEach((item, position) => {
        const { taken, isShort } = countTaken(policy, answers.labels[position]!, settings.threshold);
        const votes = answers.labels[position]!.slice(0, taken);
        total.labelsSpent += taken;
        if (isShort) total.shortOfLabels += 1;
        if (resolveLabels(votes, settings.threshold).kind === "conflict") total.leftForLead += 1;
        const expected = truth.get(item);
        if (expected !== undefined && pickMajority(votes, labelOrder) === expected) total.correct += 1;
      });
    });
  }
  const outcomes = settings.policies.map((policy, index) => {
    const total = totals[index]!;
    return {
      policy,
      labelsSpent: total.labelsSpent / settings.runs,
      accuracy: truthItems === 0 ? Number.NaN : total.correct / (truthItems * settings.runs),
      leftForLead: total.leftForLead / settings.runs,
      shortOfLabels: total.shortOfLabels / settings.runs,
    };
  });
  return { items, truthItems, labels: columns.items.length, outcomes };
}

/** Fixed k = min, fixed k = max and adaptive min → max: the comparison `simulate-overlap` prints. */
export function comparedPolicies(min: number, max: number): OverlapPolicy[] {
  return [
    { kind: "fixed", k: min },
    { kind: "fixed", k: max },
    { kind: "adaptive", min, max },
  ];
}
