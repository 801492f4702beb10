import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { countOf } from "@/components/ui/plural";
import { formatDuration, formatNumber, formatInterval, formatShare } from "./format";
import type { AnnotatorAnalytics } from "./use-annotator-analytics";

function Tile({ label, value, detail }: { label: string; value: string; detail: ReactNode }) {
  return (
    <Card className="px-4 py-3">
      <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{label}</p>
      <p className="mt-1 text-xl font-semibold text-zinc-900 tabular-nums">{value}</p>
      <p className="mt-0.5 text-xs text-zinc-500">{detail}</p>
    </Card>
  );
}

/** The headline numbers of one annotator; each says how many observations it rests on. */
export function StatTiles({ analytics }: { analytics: AnnotatorAnalytics }) {
  const { gold, reliability, agreement } = analytics;
  return (
    <ul aria-label="Headline numbers" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <li>
        <Tile label="Answers" value={analytics.answers.toLocaleString("en")} detail={`${analytics.answersInWindow} in the last ${analytics.windowDays} days`} />
      </li>
      <li>
        <Tile label="Median time" value={formatDuration(analytics.medianTimeMs)} detail={`over ${countOf(analytics.timedAnswers, "timed answer")}`} />
      </li>
      <li>
        <Tile label="Skip rate" value={formatShare(analytics.skipRate)} detail={`${analytics.skipped} skipped, ${analytics.submitted} submitted`} />
      </li>
      <li>
        <Tile
          label="Gold accuracy"
          value={gold ? formatShare(gold.accuracy) : "—"}
          detail={gold ? `95 % CI ${formatInterval(gold.lower, gold.upper)} · ${countOf(gold.checks, "check")}` : "no gold checks answered"}
        />
      </li>
      <li>
        <Tile label="Reliability" value={reliability ? formatNumber(reliability.reliability) : "—"} detail={reliability ? `Dawid–Skene, ${countOf(reliability.labelCount, "label")}` : "no Dawid–Skene fit yet"} />
      </li>
      <li>
        <Tile label="Agreement" value={agreement ? formatShare(agreement.agreement) : "—"} detail={agreement ? `with others, ${countOf(agreement.pairs, "pair")}` : "no item shared with others"} />
      </li>
    </ul>
  );
}
