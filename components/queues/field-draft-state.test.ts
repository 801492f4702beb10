import { describe, expect, it } from "vitest";
import { labelSchemaV2Schema } from "@/server/labels/label-schema";
import { findRemovedOptions, toFieldDraft, toFieldInput } from "./field-draft-state";

const { fields } = labelSchemaV2Schema.parse({
  fields: [
    { type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "good", title: "Good" }, { value: "bad", title: "Bad" }, { value: "meh", title: "Meh" }], consensus: { rule: "unanimous" } },
    { type: "multi_select", key: "issues", title: "Issues", required: false, options: [{ value: "tone", title: "Tone" }, { value: "facts", title: "Facts" }] },
    { type: "rating", key: "quality", title: "Quality", max: 4, anchors: ["bad", "poor", "ok", "great"], consensus: { rule: "mean", maxSpread: 2 } },
    { type: "number", key: "minutes", title: "Minutes", min: 0, max: 60, step: 5, unit: "min" },
    { type: "free_text", key: "why", title: "Why", maxLength: 300 },
    { type: "rubric", key: "rubric", title: "Rubric", criteria: [{ key: "cites", title: "Cites", scale: "pass_fail", assertion: true, description: "A link" }] },
  ],
});

describe("field drafts of stored fields", () => {
  it("give every type back unchanged when nothing is edited", () => {
    const again = labelSchemaV2Schema.parse({ fields: fields.map((field, index) => toFieldInput(toFieldDraft(field), index)) });
    expect(again.fields).toEqual(fields);
  });

  it("name the options a new version drops from a choice field, with the options left to map them to", () => {
    const drafts = fields.map(toFieldDraft);
    drafts[0] = { ...drafts[0]!, options: drafts[0]!.options.filter((option) => option.value !== "meh") };
    expect(findRemovedOptions(fields, drafts)).toEqual([
      { fieldKey: "verdict", fieldTitle: "Verdict", removed: [{ value: "meh", title: "Meh" }], options: drafts[0]!.options },
    ]);
  });
});
