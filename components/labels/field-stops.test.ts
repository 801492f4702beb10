import { describe, expect, it } from "vitest";
import { answerFields, labelSchemaV2Schema } from "@/server/labels/label-schema";
import type { LabelField } from "@/server/labels/field-types";
import { applyNumberKey, applyPairwiseKey, countStopKeys, describeNumberKeys, listStops, moveStop, numberKeyOf, numberOfKey } from "./field-stops";

const fields = answerFields(labelSchemaV2Schema.parse({
  fields: [
    { type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "good", title: "Good" }, { value: "bad", title: "Bad" }] },
    { type: "multi_select", key: "issues", title: "Issues", options: [{ value: "tone", title: "Tone" }, { value: "facts", title: "Facts" }, { value: "length", title: "Length" }] },
    { type: "rating", key: "quality", title: "Quality", max: 5 },
    { type: "free_text", key: "why", title: "Why" },
    { type: "rubric", key: "rubric", title: "Rubric", criteria: [{ key: "cites", title: "Cites", scale: "pass_fail" }, { key: "tone", title: "Tone", scale: "one_to_five" }] },
  ],
}));
const [verdict, issues, quality, why, rubric] = fields as [(typeof fields)[number], (typeof fields)[number], (typeof fields)[number], (typeof fields)[number], (typeof fields)[number]];

describe("label form stops", () => {
  it("has one stop per field and one per rubric criterion, and J/K stay within them", () => {
    const stops = listStops(fields);
    expect(stops.map((stop) => stop.criterionKey ?? stop.fieldKey)).toEqual(["verdict", "issues", "quality", "why", "cites", "tone"]);
    expect(moveStop(stops, null, 1)).toEqual(stops[0]);
    expect(moveStop(stops, stops[0]!, -1)).toEqual(stops[0]);
    expect(moveStop(stops, stops[4]!, 1)).toEqual(stops[5]);
    expect(moveStop(stops, stops[5]!, 1)).toEqual(stops[5]);
  });

  it("stops at the corrected output's editor where the lead put it", () => {
    const schema = labelSchemaV2Schema.parse({
      fields: [
        { type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "good", title: "Good" }, { value: "bad", title: "Bad" }] },
        { type: "corrected_output", key: "fixed", title: "Fixed answer" },
        { type: "rating", key: "quality", title: "Quality", max: 5 },
      ],
    });
    expect(listStops(schema.fields).map((stop) => stop.fieldKey)).toEqual(["verdict", "fixed", "quality"]);
  });

  it("turns number keys into picks, ticks, ratings and scores, and ignores keys a stop does not take", () => {
    expect(applyNumberKey(verdict, { fieldKey: "verdict" }, {}, 2)).toEqual({ verdict: "bad" });
    expect(applyNumberKey(verdict, { fieldKey: "verdict" }, {}, 3)).toBeNull();
    const ticked = applyNumberKey(issues, { fieldKey: "issues" }, { issues: ["length"] }, 1);
    expect(ticked).toEqual({ issues: ["tone", "length"] });
    expect(applyNumberKey(issues, { fieldKey: "issues" }, ticked!, 3)).toEqual({ issues: ["tone"] });
    expect(applyNumberKey(quality, { fieldKey: "quality" }, {}, 4)).toEqual({ quality: 4 });
    expect(applyNumberKey(why, { fieldKey: "why" }, {}, 1)).toBeNull();
    expect(applyNumberKey(rubric, { fieldKey: "rubric", criterionKey: "cites" }, {}, 2)).toEqual({ rubric: { cites: false } });
    expect(applyNumberKey(rubric, { fieldKey: "rubric", criterionKey: "tone" }, { rubric: { cites: false } }, 5)).toEqual({ rubric: { cites: false, tone: 5 } });
    expect(countStopKeys(rubric, "cites")).toBe(2);
  });

  it("A, B and T answer the pairwise field from anywhere; 1–3 set how much better once a side is chosen", () => {
    const pairwiseFields = answerFields(labelSchemaV2Schema.parse({ fields: [verdict, { type: "pairwise", key: "preference", title: "Preference" }] }));
    const preference = pairwiseFields[1]!;
    expect(applyPairwiseKey(pairwiseFields, { verdict: "good" }, "b")).toEqual({ verdict: "good", preference: { choice: "b" } });
    expect(applyPairwiseKey(pairwiseFields, {}, "T")).toEqual({ preference: { choice: "tie" } });
    expect(applyPairwiseKey(fields, {}, "a")).toBeNull();
    const stop = { fieldKey: "preference" };
    expect(countStopKeys(preference)).toBe(3);
    expect(applyNumberKey(preference, stop, {}, 2)).toBeNull();
    expect(applyNumberKey(preference, stop, { preference: { choice: "tie" } }, 2)).toBeNull();
    const chosen = applyNumberKey(preference, stop, { preference: { choice: "a" } }, 3)!;
    expect(chosen).toEqual({ preference: { choice: "a", strength: 3 } });
    // Choosing the same side again keeps its strength; the other side or a tie drops it.
    expect(applyPairwiseKey(pairwiseFields, chosen, "a")).toEqual({ preference: { choice: "a", strength: 3 } });
    expect(applyPairwiseKey(pairwiseFields, chosen, "b")).toEqual({ preference: { choice: "b" } });
    expect(applyPairwiseKey(pairwiseFields, chosen, "t")).toEqual({ preference: { choice: "tie" } });
  });

  it("takes 0 as the tenth choice: a rating of 10, a tenth option", () => {
    const [ten, many] = answerFields(
      labelSchemaV2Schema.parse({
        fields: [
          { type: "rating", key: "ten", title: "Out of ten", max: 10 },
          { type: "categorical", key: "many", title: "Many", options: Array.from({ length: 12 }, (_, index) => ({ value: `o${index + 1}`, title: `Option ${index + 1}` })) },
        ],
      }),
    ) as [LabelField, LabelField];
    expect(countStopKeys(ten)).toBe(10);
    expect(applyNumberKey(ten, { fieldKey: "ten" }, {}, numberOfKey("0"))).toEqual({ ten: 10 });
    expect(applyNumberKey(many, { fieldKey: "many" }, {}, numberOfKey("0"))).toEqual({ many: "o10" });
    expect(applyNumberKey(many, { fieldKey: "many" }, {}, 11)).toBeNull();
    expect([describeNumberKeys(5), describeNumberKeys(10)]).toEqual(["1–5", "1–9, 0"]);
    expect([numberKeyOf(3), numberKeyOf(10)]).toEqual(["3", "0"]);
  });
});
