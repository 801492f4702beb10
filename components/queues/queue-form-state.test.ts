import { describe, expect, it } from "vitest";
import { deriveKey, newFieldDraft, type FieldDraft } from "./field-draft-state";
import { fieldForIssuePath, initialQueueForm, parseMetadataValue, validateQueueForm, type QueueFormState } from "./queue-form-state";

const verdict: FieldDraft = {
  ...newFieldDraft(),
  title: "Verdict",
  key: "verdict",
  options: [
    { title: "Helpful", value: "helpful", isValueEdited: false },
    { title: "Harmful", value: "harmful", isValueEdited: false },
  ],
};

const filled: QueueFormState = {
  ...initialQueueForm,
  name: "Support triage",
  fields: [verdict],
  tags: "billing, refunds",
  metadata: [{ key: "locale", value: "en" }],
  signals: ["thumbs_down"],
  rate: "0.05",
};

describe("new queue form", () => {
  it("derives keys that the schema accepts", () => {
    expect(deriveKey("Needs a fix!")).toBe("needs_a_fix");
    expect(deriveKey("  Überprüft ")).toBe("uberpruft");
    expect(deriveKey("!!!")).toBe("");
  });

  it("reads metadata values as numbers and booleans unless quoted", () => {
    expect(parseMetadataValue("42")).toBe(42);
    expect(parseMetadataValue("true")).toBe(true);
    expect(parseMetadataValue('"42"')).toBe("42");
    expect(parseMetadataValue(" en ")).toBe("en");
  });

  it("turns a filled form into a valid createQueueSchema input", () => {
    const result = validateQueueForm(filled);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.labelSchema.fields[0]?.key).toBe("verdict");
    expect(result.data.samplingRule).toMatchObject({ models: [], tags: ["billing", "refunds"], metadata: { locale: "en" }, signals: ["thumbs_down"], rate: 0.05 });
  });

  it("sends the loop settings, keeping only acceptable values that are still options", () => {
    const result = validateQueueForm({
      ...filled,
      loop: { holdoutFraction: "0.1", suggestionDisplay: "preselected", decoyRate: "0.05", acceptableValues: ["helpful", "renamed_away"] },
    });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data).toMatchObject({ holdoutFraction: 0.1, suggestionDisplay: "preselected", decoyRate: 0.05, approvalValues: { verdict: ["helpful"] } });
    const defaults = validateQueueForm(filled);
    expect(defaults.success && defaults.data).toMatchObject({ holdoutFraction: 0, suggestionDisplay: "hidden", decoyRate: 0, approvalValues: {} });
  });

  it("puts loop-setting problems on their controls", () => {
    const result = validateQueueForm({ ...filled, loop: { holdoutFraction: "0.7", suggestionDisplay: "preselected", decoyRate: "", acceptableValues: [] } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toMatchObject({ holdoutFraction: "holdoutFraction is 0 to 0.5", decoyRate: "enter a number" });
  });

  it("puts each problem next to the control it is about", () => {
    const result = validateQueueForm({
      ...filled,
      name: " ",
      overlap: "",
      rate: "2",
      fields: [
        {
          ...verdict,
          options: [
            { title: "Same", value: "same", isValueEdited: false },
            { title: "", value: "same", isValueEdited: true },
          ],
        },
        { ...newFieldDraft("rating"), title: "Quality", ratingMax: "1" },
        { ...newFieldDraft("number"), title: "Minutes", min: "10", max: "5" },
        { ...newFieldDraft("rubric"), title: "Quality", key: "verdict" },
      ],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toMatchObject({
      name: "name the queue",
      overlap: "enter a number",
      rate: "rate is between 0 and 1",
      "fields.0.options.1.title": "give the option a title",
      "fields.1.max": "max is at least 2",
      "fields.2.max": "max must be above min",
      "fields.3.criteria.0.title": "give it a title",
    });
  });

  it("says an untitled option needs a title, and nothing more", () => {
    const result = validateQueueForm({ ...initialQueueForm, name: "Empty options", fields: [{ ...newFieldDraft(), title: "Verdict" }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual({ "fields.0.options.0.title": "give the option a title", "fields.0.options.1.title": "give the option a title" });
  });

  it("maps nested schema paths to form controls", () => {
    expect(fieldForIssuePath(["labelSchema", "fields", 0, "options"])).toBe("fields.0.options");
    expect(fieldForIssuePath(["labelSchema", "fields", 0, "options", 2, "value"])).toBe("fields.0.options.2.value");
    expect(fieldForIssuePath(["labelSchema", "fields", 1, "title"])).toBe("fields.1.title");
    expect(fieldForIssuePath(["labelSchema", "fields"])).toBe("fields");
    expect(fieldForIssuePath(["samplingRule", "metadata", "locale"])).toBe("metadata");
  });
});
