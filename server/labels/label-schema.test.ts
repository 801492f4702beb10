import { describe, expect, it } from "vitest";
import { labelSchemaV2Schema } from "./label-schema";

const verdict = { type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "good", title: "Good" }, { value: "bad", title: "Bad" }] };

function issuesOf(input: unknown) {
  const result = labelSchemaV2Schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("label schema v2", () => {
  it("takes every field type, filling in the defaults", () => {
    const parsed = labelSchemaV2Schema.parse({
      fields: [
        verdict,
        { type: "multi_select", key: "issues", title: "Issues", required: false, options: [{ value: "tone", title: "Tone" }, { value: "facts", title: "Facts" }] },
        { type: "rating", key: "quality", title: "Quality", max: 5, anchors: ["useless", "poor", "fine", "good", "perfect"] },
        { type: "number", key: "minutes", title: "Minutes saved", min: 0, max: 120, step: 5 },
        { type: "free_text", key: "why", title: "Why", required: false },
        { type: "rubric", key: "rubric", title: "Rubric", criteria: [{ key: "cites", title: "Cites a source", scale: "pass_fail", assertion: true }, { key: "tone", title: "Tone", scale: "one_to_five" }] },
        { type: "corrected_output", key: "rewrite", title: "Rewrite the answer", hint: "Fix facts, not style.", required: false },
        { type: "pairwise", key: "preference", title: "Which is better?" },
      ],
    });
    expect(parsed.fields.map((field) => field.type)).toEqual(["categorical", "multi_select", "rating", "number", "free_text", "rubric", "corrected_output", "pairwise"]);
    expect(parsed.fields[6]).toEqual({ type: "corrected_output", key: "rewrite", title: "Rewrite the answer", hint: "Fix facts, not style.", required: false, consensus: { rule: "identical" } });
    expect(parsed).toMatchObject({ allowCorrection: true, correctionConsensus: { rule: "identical" } });
    expect(parsed.fields[0]).toMatchObject({ required: true, hint: "" });
    expect(parsed.fields[2]).toMatchObject({ consensus: { rule: "median", maxSpread: 1 } });
    expect(parsed.fields[5]).toMatchObject({ criteria: [{ assertion: true, description: "" }, { assertion: false }] });
    expect(parsed.fields[7]).toMatchObject({ askStrength: true, consensus: { rule: "majority", threshold: 0.6, onSplit: "conflict" } });
  });

  it("names the field at fault: duplicate keys, a bad scale, max below min, too many fields", () => {
    expect(issuesOf({ fields: [verdict, { ...verdict, title: "Again" }] })).toEqual([{ path: "fields", message: "two fields have the key verdict; give each its own" }]);
    expect(issuesOf({ fields: [{ type: "number", key: "n", title: "N", min: 10, max: 5 }] })).toEqual([{ path: "fields.0.max", message: "max must be above min" }]);
    expect(issuesOf({ fields: [{ type: "rating", key: "r", title: "R", max: 1 }] })).toEqual([{ path: "fields.0.max", message: "max is at least 2" }]);
    expect(issuesOf({ fields: [{ type: "rating", key: "r", title: "R", max: 3, anchors: ["a", "b", "c", "d"] }] })).toEqual([{ path: "fields.0.anchors", message: "give at most one anchor per point of the scale" }]);
    expect(issuesOf({ fields: [{ type: "pairwise", key: "p", title: "P" }, { type: "pairwise", key: "q", title: "Q" }] })).toEqual([{ path: "fields", message: "a queue has at most one pairwise field" }]);
    expect(issuesOf({ fields: Array.from({ length: 13 }, (_, index) => ({ ...verdict, key: `f${index}` })) })).toEqual([{ path: "fields", message: "give at most 12 fields besides the corrected output" }]);
    expect(issuesOf({ fields: [{ ...verdict, type: "slider" }] })[0]).toMatchObject({ path: "fields.0.type" });
    expect(issuesOf({ fields: [{ type: "rubric", key: "r", title: "R", criteria: [{ key: "a", title: "A", scale: "pass_fail" }, { key: "a", title: "B", scale: "pass_fail" }] }] })).toEqual([
      { path: "fields.0.criteria", message: "criterion keys must be distinct" },
    ]);
  });

  it("makes the corrected output a field: from allowCorrection for older clients, once at most, never alone", () => {
    const rewrite = { type: "corrected_output", key: "rewrite", title: "Rewrite" };
    const older = labelSchemaV2Schema.parse({ fields: [verdict], correctionConsensus: { rule: "medoid", maxDistance: 0.2 } });
    expect(older.fields[1]).toEqual({ type: "corrected_output", key: "corrected_output", title: "Corrected output", hint: "", required: true, consensus: { rule: "medoid", maxDistance: 0.2 } });
    expect(older).toMatchObject({ allowCorrection: true, correctionConsensus: { rule: "medoid", maxDistance: 0.2 } });
    // What parsing gives back parses to itself, so stored schemas read back unchanged.
    expect(labelSchemaV2Schema.parse(older)).toEqual(older);
    const none = labelSchemaV2Schema.parse({ fields: [verdict], allowCorrection: false });
    expect(none).toMatchObject({ fields: [{ key: "verdict" }], allowCorrection: false });
    expect(labelSchemaV2Schema.parse(none)).toEqual(none);
    const given = labelSchemaV2Schema.parse({ fields: [rewrite, verdict], correctionConsensus: { rule: "medoid", maxDistance: 0.5 } });
    expect(given.fields.map((field) => field.key)).toEqual(["rewrite", "verdict"]);
    expect(given.correctionConsensus).toEqual({ rule: "identical" });
    expect(labelSchemaV2Schema.parse({ fields: [...Array.from({ length: 12 }, (_, index) => ({ ...verdict, key: `f${index}` })), rewrite] }).fields).toHaveLength(13);
    expect(issuesOf({ fields: [verdict, rewrite, { ...rewrite, key: "again" }] })).toEqual([{ path: "fields", message: "a queue has at most one corrected output field" }]);
    expect(issuesOf({ fields: [rewrite] })).toEqual([{ path: "fields", message: "give at least 1 field besides the corrected output" }]);
    expect(issuesOf({ fields: [verdict, rewrite], allowCorrection: false })).toEqual([{ path: "allowCorrection", message: "allowCorrection is false but a field is the corrected output; remove one of them" }]);
    expect(issuesOf({ fields: [verdict, { ...rewrite, consensus: { rule: "medoid", maxDistance: 2 } }] })).toEqual([{ path: "fields.1.consensus.maxDistance", message: "maxDistance is 0 to 1" }]);
  });
});
