import { describe, expect, it } from "vitest";
import { buildCrowdField, checkLabelsFitField, countMostAnswersPerItem } from "./label-field";

const answers = (labels: string[], items: string[] = labels.map((_, index) => `i${index}`)) => ({
  items,
  workers: labels.map((_, index) => `w${index}`),
  labels,
  lines: labels.map((_, index) => index + 2),
});

describe("buildCrowdField", () => {
  it("makes one option per label in the CLI's class order (numeric when every label is a number)", () => {
    const field = buildCrowdField(answers(["10", "9", "2", "9"]));
    expect(field).toMatchObject({ type: "categorical", key: "label", title: "Label" });
    expect(field.options.map((option) => option.value)).toEqual(["2", "9", "10"]);
    expect(buildCrowdField(answers(["no", "maybe", "yes"])).options.map((option) => option.value)).toEqual(["maybe", "no", "yes"]);
  });

  it("names the first line of a label that cannot be an option value", () => {
    expect(() => buildCrowdField(answers(["ok", "ok", "Not ok", "Not ok"]))).toThrow(/^line 4: label "Not ok" is not a usable option value \(use lowercase letters/);
    expect(() => buildCrowdField(answers(Array.from({ length: 21 }, (_, index) => `l${index}`)))).toThrow("the file has 21 distinct labels: give at most 20 options");
  });
});

describe("checkLabelsFitField", () => {
  it("accepts labels the field has and names the line of the first it does not", () => {
    const field = buildCrowdField(answers(["0", "1"]));
    expect(() => checkLabelsFitField(answers(["1", "0", "1"]), field)).not.toThrow();
    expect(() => checkLabelsFitField(answers(["1", "2"]), field)).toThrow("line 3: label \"2\" is not an option of the queue's field Label (0, 1)");
  });
});

describe("countMostAnswersPerItem", () => {
  it("is the most answers any item has", () => {
    expect(countMostAnswersPerItem(answers(["0", "1", "1", "0"], ["a", "b", "a", "a"]))).toBe(3);
  });
});
