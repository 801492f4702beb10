import { describe, expect, it } from "vitest";
import { hashCanonicalContent, toCanonicalJson } from "./content-hash";
import { formatItemField, validateBatchItems } from "./validate-items";
import { ingestOutputSchema } from "./schema";

describe("toCanonicalJson", () => {
  it("sorts keys at every depth and drops undefined members, so key order never changes the hash", () => {
    const a = { output: "ok", input: [{ role: "user", content: "hi", name: undefined }], extra: { z: 1, a: [true, null] } };
    const b = { extra: { a: [true, null], z: 1 }, input: [{ content: "hi", role: "user" }], output: "ok" };
    expect(toCanonicalJson(a)).toBe('{"extra":{"a":[true,null],"z":1},"input":[{"content":"hi","role":"user"}],"output":"ok"}');
    expect(toCanonicalJson(a)).toBe(toCanonicalJson(b));
    expect(toCanonicalJson("quote \" and \n")).toBe(JSON.stringify("quote \" and \n"));
    expect(hashCanonicalContent('"a"', '"b"')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("validateBatchItems", () => {
  it("names the field inside the item, looking into the union branch that fits the value", () => {
    expect(formatItemField("outputs", 3, ["input", 0, "role"])).toBe("outputs[3].input[0].role");
    const { valid, rejected } = validateBatchItems(ingestOutputSchema, "outputs", [
      { external_id: "a", input: "hi", output: "there" },
      { external_id: "b", input: [{ role: "robot", content: "x" }], output: "y" },
      null,
    ]);
    expect(valid.map((item) => item.index)).toEqual([0]);
    expect(rejected).toEqual([
      { index: 1, externalId: "b", field: "outputs[1].input[0].role", reason: expect.stringContaining("role must be one of") },
      { index: 2, externalId: null, field: "outputs[2]", reason: expect.any(String) },
    ]);
  });
});
