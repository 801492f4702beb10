import type { LabelValue, PairwiseAnswer, RubricScore } from "@/server/labels/answer-values";
import type { LabelField } from "@/server/labels/field-types";

const strengthWords: Record<number, string> = { 1: "slightly", 2: "clearly", 3: "much" };

const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100));

/**
 * A stored answer or gold value as a reviewer reads it: option titles, "4 / 5 · good", "12 min",
 * "Cites: pass · Tone: 4", "B, clearly better". Stored values are JSON, so a value of the wrong shape is
 * shown as it is rather than trusted.
 */
export function formatLabelValue(field: LabelField, value: LabelValue | undefined): string {
  if (value === undefined || value === null) return "—";
  const titleOf = (option: string) => ("options" in field ? field.options.find((candidate) => candidate.value === option)?.title : undefined) ?? option;
  switch (field.type) {
    case "categorical":
      return typeof value === "string" ? titleOf(value) : JSON.stringify(value);
    case "multi_select":
      return Array.isArray(value) ? (value.length > 0 ? value.map(titleOf).join(", ") : "none") : JSON.stringify(value);
    case "rating": {
      if (typeof value !== "number") return JSON.stringify(value);
      const anchor = Number.isInteger(value) ? field.anchors[value - 1] : undefined;
      return `${formatNumber(value)} / ${field.max}${anchor ? ` · ${anchor}` : ""}`;
    }
    case "number":
      return typeof value === "number" ? `${formatNumber(value)}${field.unit ? ` ${field.unit}` : ""}` : JSON.stringify(value);
    case "free_text":
      return typeof value === "string" ? value : JSON.stringify(value);
    case "rubric": {
      if (typeof value !== "object" || Array.isArray(value)) return JSON.stringify(value);
      const scores = value as Record<string, RubricScore>;
      return field.criteria
        .filter((criterion) => scores[criterion.key] !== undefined)
        .map((criterion) => {
          const score = scores[criterion.key]!;
          return `${criterion.title}: ${typeof score === "boolean" ? (score ? "pass" : "fail") : formatNumber(score)}`;
        })
        .join(" · ");
    }
    case "pairwise": {
      const { choice, strength } = value as PairwiseAnswer;
      if (choice === "tie") return "tie";
      const side = choice === "a" ? "A" : "B";
      return strength ? `${side}, ${strengthWords[strength] ?? strength} better` : `${side} better`;
    }
  }
}
