import { Badge } from "@/components/ui/badge";
import { countOf } from "@/components/ui/plural";

/** One production signal as the review and adjudication APIs return it. */
export type SignalView = { kind: string; value: number | null; comment: string | null; occurredAt: Date | string };

type Tone = "neutral" | "gold" | "green" | "red" | "blue";
const kinds: Record<string, { title: string; tone: Tone }> = {
  thumbs_down: { title: "Thumbs down", tone: "red" },
  thumbs_up: { title: "Thumbs up", tone: "green" },
  edit: { title: "Edited", tone: "gold" },
  regenerate: { title: "Regenerated", tone: "gold" },
  copy: { title: "Copied", tone: "blue" },
  score: { title: "Score", tone: "neutral" },
};

function describeKind(kind: string) {
  return kinds[kind] ?? { title: kind, tone: "neutral" as const };
}

const COMMENTS_SHOWN = 5;

/** Counts per kind in first-seen order, with the mean for scores. */
function summarise(signals: SignalView[]) {
  const byKind = new Map<string, { count: number; scores: number[] }>();
  for (const signal of signals) {
    const entry = byKind.get(signal.kind) ?? { count: 0, scores: [] };
    entry.count += 1;
    if (signal.value !== null) entry.scores.push(signal.value);
    byKind.set(signal.kind, entry);
  }
  return [...byKind].map(([kind, { count, scores }]) => ({
    kind,
    count,
    mean: scores.length > 0 ? scores.reduce((sum, score) => sum + score, 0) / scores.length : null,
  }));
}

/**
 * What end users did with the output in production (thumbs, edits, copies, scores) as badges with counts,
 * and their comments, newest first. Renders a quiet line when there are none.
 */
export function SignalsList({ signals }: { signals: SignalView[] }) {
  if (signals.length === 0) return <p className="text-sm text-zinc-500">No production feedback on this output.</p>;
  const comments = signals
    .filter((signal) => signal.comment)
    .sort((a, b) => new Date(b.occurredAt).getTime() - new Date(a.occurredAt).getTime());
  return (
    <div className="space-y-2">
      <ul aria-label="Signal counts" className="flex flex-wrap gap-1.5">
        {summarise(signals).map(({ kind, count, mean }) => (
          <li key={kind}>
            <Badge tone={describeKind(kind).tone}>
              {describeKind(kind).title}
              {count > 1 && <span className="ml-1 tabular-nums">×{count}</span>}
              {mean !== null && <span className="ml-1 tabular-nums">· {kind === "score" ? "avg " : ""}{Number(mean.toFixed(2))}</span>}
            </Badge>
          </li>
        ))}
      </ul>
      {comments.length > 0 && (
        <ul aria-label="Signal comments" className="space-y-1.5">
          {comments.slice(0, COMMENTS_SHOWN).map((signal, index) => (
            <li key={index} className="flex gap-2 text-sm">
              <span className="shrink-0 text-xs leading-5 text-zinc-500">{describeKind(signal.kind).title}:</span>
              <q className="text-zinc-700">{signal.comment}</q>
            </li>
          ))}
          {comments.length > COMMENTS_SHOWN && <li className="text-xs text-zinc-500">and {countOf(comments.length - COMMENTS_SHOWN, "more comment")}</li>}
        </ul>
      )}
    </div>
  );
}
