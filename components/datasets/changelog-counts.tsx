import type { ReleaseChangelog } from "@/server/datasets/schema";

/** "+12 −3 ~5" in colour, read out in words by screen readers. */
export function ChangelogCounts({ changelog }: { changelog: ReleaseChangelog }) {
  const { added, removed, relabelled } = changelog;
  return (
    <span className="inline-flex gap-2 font-mono text-xs tabular-nums">
      <span className="sr-only">
        {added} added, {removed} removed, {relabelled} relabelled
      </span>
      <span aria-hidden className={added ? "text-emerald-700" : "text-zinc-500"}>
        +{added.toLocaleString()}
      </span>
      <span aria-hidden className={removed ? "text-red-700" : "text-zinc-500"}>
        −{removed.toLocaleString()}
      </span>
      <span aria-hidden className={relabelled ? "text-amber-700" : "text-zinc-500"}>
        ~{relabelled.toLocaleString()}
      </span>
    </span>
  );
}
