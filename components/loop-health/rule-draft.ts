import { metricCatalog, metricNames, type MetricName } from "@/server/metrics/catalog";

/** The rule form as typed: numbers stay text until submit, so a typo reaches the server and comes back as its field's error. */
export type RuleDraft = {
  name: string;
  metric: MetricName;
  queueId: string;
  comparator: ">" | ">=" | "<" | "<=";
  threshold: string;
  granularity: "hour" | "day";
  sustainedWindows: string;
  clearWindows: string;
  severity: "info" | "warning" | "critical";
};

export const EMPTY_RULE: RuleDraft = {
  name: "",
  metric: "signals.thumbs_down",
  queueId: "",
  comparator: ">",
  threshold: "",
  granularity: "day",
  sustainedWindows: "2",
  clearWindows: "3",
  severity: "warning",
};

/** "12" → 12; anything else (blank, "abc") → NaN, which the server refuses with the field's message. */
function toNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

export function toRuleInput(draft: RuleDraft) {
  return {
    name: draft.name,
    metric: draft.metric,
    queueId: draft.queueId === "" ? null : draft.queueId,
    comparator: draft.comparator,
    threshold: toNumber(draft.threshold),
    granularity: draft.granularity,
    sustainedWindows: toNumber(draft.sustainedWindows),
    clearWindows: toNumber(draft.clearWindows),
    severity: draft.severity,
  };
}

/** Every metric a rule can watch, titled from the catalog; holdout variants say so. */
export const metricChoices: ReadonlyArray<{ name: MetricName; title: string; value: string }> = metricNames.map((name) => {
  const base = name.endsWith(".holdout") ? name.slice(0, -".holdout".length) : name;
  const definition = metricCatalog.find((metric) => metric.name === base)!;
  return { name, title: name === base ? definition.title : `${definition.title} (holdout slice)`, value: definition.value };
});
