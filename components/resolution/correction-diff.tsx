import { diffWords, type ChangeObject } from "diff";

/** Long texts can make a word diff slow; past this the correction is shown whole instead. */
const DIFF_TIMEOUT_MS = 300;

function countWords(changes: ChangeObject<string>[], pick: (change: ChangeObject<string>) => boolean): number {
  return changes.filter(pick).reduce((sum, change) => sum + (change.value.match(/\S+/g)?.length ?? 0), 0);
}

type CorrectionDiffProps = {
  original: string;
  corrected: string;
  label: string;
  /** What `original` is, in the caption ("+3 / −2 words against Ana A's correction"). */
  originalName?: string;
  /** What `corrected` is, when the caption should say it ("+3 / −2 words in Ben B's correction against …"). */
  correctedName?: string;
};

/** A text against another as a word diff (by default a correction against the original): insertions and deletions inline, announced to screen readers. */
export function CorrectionDiff({ original, corrected, label, originalName = "the original", correctedName }: CorrectionDiffProps) {
  const changes = diffWords(original, corrected, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) {
    return (
      <div aria-label={label} className="text-sm whitespace-pre-wrap text-zinc-800">
        {corrected}
      </div>
    );
  }
  const added = countWords(changes, (change) => change.added);
  const removed = countWords(changes, (change) => change.removed);
  return (
    <figure aria-label={label} className="space-y-1.5">
      <figcaption className="text-xs text-zinc-500">
        <span className="text-emerald-700">+{added}</span> / <span className="text-red-700">−{removed}</span> words {correctedName && `in ${correctedName} `}against {originalName}
      </figcaption>
      <p className="text-sm leading-relaxed whitespace-pre-wrap text-zinc-800">
        {changes.map((change, index) =>
          change.added ? (
            <ins key={index} className="rounded-sm bg-emerald-100 text-emerald-900 no-underline decoration-emerald-500">
              <span className="sr-only">[added: </span>
              {change.value}
              <span className="sr-only">]</span>
            </ins>
          ) : change.removed ? (
            <del key={index} className="rounded-sm bg-red-100 text-red-800 line-through decoration-red-400">
              <span className="sr-only">[removed: </span>
              {change.value}
              <span className="sr-only">]</span>
            </del>
          ) : (
            <span key={index}>{change.value}</span>
          ),
        )}
      </p>
    </figure>
  );
}
