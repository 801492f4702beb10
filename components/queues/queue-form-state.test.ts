import { describe, expect, it } from "vitest";
import { deriveKey, fieldForIssuePath, initialQueueForm, parseMetadataValue, validateQueueForm, type QueueFormState } from "./queue-form-state";

const filled: QueueFormState = {
  ...initialQueueForm,
  name: "Support triage",
  fieldTitle: "Verdict",
  options: [
    { title: "Helpful", value: "helpful", isValueEdited: false },
    { title: "Harmful", value: "harmful", isValueEdited: false },
  ],
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
      options: [
        { title: "Same", value: "same", isValueEdited: false },
        { title: "", value: "same", isValueEdited: true },
      ],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toMatchObject({ name: "name the queue", overlap: "enter a number", rate: "rate is between 0 and 1", "options.1.title": "give the option a title" });
  });

  it("says an untitled option needs a title, and nothing more", () => {
    const result = validateQueueForm({ ...initialQueueForm, name: "Empty options", fieldTitle: "Verdict" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual({ "options.0.title": "give the option a title", "options.1.title": "give the option a title" });
  });

  it("maps nested schema paths to form controls", () => {
    expect(fieldForIssuePath(["labelSchema", "fields", 0, "options"])).toBe("options");
    expect(fieldForIssuePath(["labelSchema", "fields", 0, "options", 2, "value"])).toBe("options.2.value");
    expect(fieldForIssuePath(["labelSchema", "fields", 0, "title"])).toBe("fieldTitle");
    expect(fieldForIssuePath(["samplingRule", "metadata", "locale"])).toBe("metadata");
  });
});
