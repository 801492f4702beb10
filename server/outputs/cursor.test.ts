import { describe, expect, it } from "vitest";
import { ValidationError } from "@/server/lib/errors";
import { decodeOutputsCursor, encodeOutputsCursor } from "./cursor";

describe("outputs cursor", () => {
  it("round-trips a position with Postgres's microseconds", () => {
    const position = { producedAt: "2026-11-24T10:00:00.123456Z", id: 42 };
    expect(decodeOutputsCursor(encodeOutputsCursor(position))).toEqual(position);
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["another shape", Buffer.from(JSON.stringify({ p: "x" })).toString("base64url")],
    ["a day that does not exist", encodeOutputsCursor({ producedAt: "2026-02-30T10:00:00.000000Z", id: 1 })],
    ["year zero", encodeOutputsCursor({ producedAt: "0000-01-01T00:00:00.000000Z", id: 1 })],
    ["milliseconds only", Buffer.from(JSON.stringify(["2026-11-24T10:00:00.123Z", 1])).toString("base64url")],
    ["an id past 2^53", Buffer.from('["2026-11-24T10:00:00.000000Z",9007199254740993]').toString("base64url")],
    ["a zero id", encodeOutputsCursor({ producedAt: "2026-11-24T10:00:00.000000Z", id: 0 })],
  ])("refuses %s, naming the cursor", (_, text) => {
    expect(() => decodeOutputsCursor(text)).toThrow(ValidationError);
    try {
      decodeOutputsCursor(text);
    } catch (error) {
      expect((error as ValidationError).field).toBe("cursor");
    }
  });
});
