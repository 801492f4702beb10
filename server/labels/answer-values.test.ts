import { describe, expect, it } from "vitest";
import { checkAnswerValues } from "./answer-values";
import { answerFields, labelSchemaV2Schema } from "./label-schema";

const fields = answerFields(labelSchemaV2Schema.parse({
  fields: [
    { type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "good", title: "Good" }, { value: "bad", title: "Bad" }] },
    { type: "multi_select", key: "issues", title: "Issues", required: false, options: [{ value: "tone", title: "Tone" }, { value: "facts", title: "Facts" }, { value: "length", title: "Length" }] },
    { type: "rating", key: "quality", title: "Quality", max: 5, required: false },
    { type: "number", key: "minutes", title: "Minutes saved", min: 0, max: 1, step: 0.1, required: false },
    { type: "free_text", key: "why", title: "Why", required: false, maxLength: 10 },
    { type: "rubric", key: "rubric", title: "Rubric", required: false, criteria: [{ key: "cites", title: "Cites a source", scale: "pass_fail" }, { key: "tone", title: "Tone", scale: "one_to_five" }] },
    { type: "pairwise", key: "preference", title: "Preference", required: false },
  ],
}));

const refusal = (values: Record<string, unknown>) => {
  try {
    checkAnswerValues(fields, values);
    return null;
  } catch (error) {
    return (error as { path: string; message: string }).message;
  }
};

describe("checking an answer against v2 fields", () => {
  it("keeps every type's value, normalised, in field order", () => {
    const checked = checkAnswerValues(fields, {
      preference: { choice: "b", strength: 2 },
      why: "  too long?  ",
      issues: ["length", "tone"],
      verdict: "bad",
      quality: 4,
      minutes: 0.30000000000000004,
      rubric: { tone: 3, cites: false },
    });
    expect(checked).toEqual({ verdict: "bad", issues: ["tone", "length"], quality: 4, minutes: 0.30000000000000004, why: "too long?", rubric: { cites: false, tone: 3 }, preference: { choice: "b", strength: 2 } });
    expect(Object.keys(checked)).toEqual(["verdict", "issues", "quality", "minutes", "why", "rubric", "preference"]);
  });

  it("lets optional fields be left out, an empty multi-select included as 'none applies'", () => {
    expect(checkAnswerValues(fields, { verdict: "good", issues: [] })).toEqual({ verdict: "good", issues: [] });
  });

  it("refuses each kind of bad value, naming the field (or criterion) and what it takes", () => {
    expect(refusal({})).toBe("values.verdict: answer Verdict");
    expect(refusal({ verdict: "meh" })).toBe("values.verdict: pick one of good, bad");
    expect(refusal({ verdict: "good", extra: 1 })).toBe("values.extra: this queue has no such field");
    expect(refusal({ verdict: "good", issues: ["tone", "tone"] })).toBe("values.issues: tick each option once");
    expect(refusal({ verdict: "good", issues: ["mood"] })).toBe("values.issues.0: pick one of tone, facts, length");
    expect(refusal({ verdict: "good", quality: 6 })).toBe("values.quality: rate Quality from 1 to 5");
    expect(refusal({ verdict: "good", quality: 2.5 })).toBe("values.quality: rate Quality from 1 to 5");
    expect(refusal({ verdict: "good", minutes: 0.25 })).toBe("values.minutes: Minutes saved goes in steps of 0.1 from 0");
    expect(refusal({ verdict: "good", minutes: 2 })).toBe("values.minutes: Minutes saved is from 0 to 1");
    expect(refusal({ verdict: "good", why: "   " })).toBe("values.why: write Why, or leave it out");
    expect(refusal({ verdict: "good", why: "way too long here" })).toBe("values.why: Why is at most 10 characters");
    expect(refusal({ verdict: "good", why: "a\u0000b" })).toMatch(/^values\.why: text must not contain NUL/);
    expect(refusal({ verdict: "good", rubric: { cites: true } })).toBe("values.rubric.tone: score Tone");
    expect(refusal({ verdict: "good", rubric: { cites: "yes", tone: 3 } })).toBe("values.rubric.cites: Cites a source is pass (true) or fail (false)");
    expect(refusal({ verdict: "good", rubric: { cites: true, tone: 3, style: 1 } })).toBe("values.rubric.style: Rubric has no such criterion");
    expect(refusal({ verdict: "good", preference: { choice: "c" } })).toBe("values.preference.choice: choose a, b or tie");
    expect(refusal({ verdict: "good", preference: { choice: "tie", strength: 1 } })).toBe("values.preference.strength: a tie has no strength");
    expect(refusal({ verdict: "good", preference: { choice: "a", strength: 4 } })).toBe("values.preference.strength: strength is 1 (slightly), 2 (clearly) or 3 (much) better");
  });
});
