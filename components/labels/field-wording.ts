import type { CorrectionConsensus, SchemaField } from "@/server/labels/field-types";

export const fieldTypeTitles: Record<SchemaField["type"], string> = {
  categorical: "Single choice",
  multi_select: "Multiple choice",
  rating: "Rating",
  number: "Number",
  free_text: "Free text",
  rubric: "Rubric",
  pairwise: "Pairwise",
  corrected_output: "Corrected output",
};

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** How a field's answers become gold, in words ("median within 1", "each option at 60 %"). */
export function describeConsensus(field: SchemaField, queueThreshold: number): string {
  switch (field.type) {
    case "categorical":
      if (field.consensus?.rule === "unanimous") return "unanimous";
      return `majority at ${percent(field.consensus?.threshold ?? queueThreshold)}`;
    case "multi_select":
      return `each option in or out at ${percent(field.consensus.threshold)}`;
    case "rating":
    case "number":
      return `${field.consensus.rule} when answers lie within ${field.consensus.maxSpread}${field.type === "number" && field.unit ? ` ${field.unit}` : ""}`;
    case "free_text":
      return `closest answer (medoid) when all are within ${percent(field.consensus.maxDistance)} of it`;
    case "rubric":
      return `each criterion on its own (pass/fail at ${percent(field.consensus.threshold)}, scores by median within ${field.consensus.maxSpread})`;
    case "pairwise":
      return `majority at ${percent(field.consensus.threshold)}; a split ${field.consensus.onSplit === "tie" ? "is a tie" : "goes to a lead"}`;
    case "corrected_output":
      return describeCorrectionRule(field.consensus);
  }
}

/** What a field asks for, in a few words ("1–5: useless … perfect", "0–120 min in steps of 5"). */
export function describeFieldShape(field: SchemaField): string {
  switch (field.type) {
    case "categorical":
    case "multi_select":
      return `${field.options.length} options`;
    case "rating":
      return field.anchors.length > 1 ? `1–${field.max}: ${field.anchors[0]} … ${field.anchors[field.anchors.length - 1]}` : `1–${field.max}`;
    case "number":
      return `${field.min}–${field.max}${field.unit ? ` ${field.unit}` : ""} in steps of ${field.step}`;
    case "free_text":
      return `up to ${field.maxLength.toLocaleString("en")} characters`;
    case "rubric":
      return `${field.criteria.length} ${field.criteria.length === 1 ? "criterion" : "criteria"}`;
    case "pairwise":
      return field.askStrength ? "A, B or tie, with strength" : "A, B or tie";
    case "corrected_output":
      return "the output, rewritten in a live editor; unchanged means it needed no correction";
  }
}

/** How corrections become gold, in words ("identical, spacing aside", "close: the most central one, …"). */
export function describeCorrectionRule(consensus: CorrectionConsensus): string {
  return consensus.rule === "medoid" ? `the most central correction, when every one is within ${percent(consensus.maxDistance)} of it` : "identical corrections, spacing aside";
}
