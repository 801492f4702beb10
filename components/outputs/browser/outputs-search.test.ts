import { describe, expect, it } from "vitest";
import { areDatesReversed, EMPTY_OUTPUTS_SEARCH, readOutputsSearchForm, toOutputsQuery, writeOutputsSearch } from "./outputs-search";

describe("outputs search in the URL", () => {
  it("writes the REST API's parameter names and reads them back", () => {
    const form = { ...EMPTY_OUTPUTS_SEARCH, q: "refund", tags: "billing, vip", metadata: "channel=web, attempt=2", consent: "false" as const, sessionId: "conv-7", from: "2026-11-01" };
    const query = writeOutputsSearch(form, "CURSOR");
    expect(query).toBe("?q=refund&tag=billing&tag=vip&metadata=channel%3Dweb&metadata=attempt%3D2&from=2026-11-01&consent=false&session_id=conv-7&after=CURSOR");
    expect(readOutputsSearchForm(new URLSearchParams(query))).toEqual({ ...form, tags: "billing, vip", metadata: "channel=web, attempt=2" });
    expect(writeOutputsSearch(EMPTY_OUTPUTS_SEARCH)).toBe("");
  });

  it("turns whole days into instants, the last day included", () => {
    const { input } = toOutputsQuery({ ...EMPTY_OUTPUTS_SEARCH, from: "2026-11-01", to: "2026-11-30" }, null);
    expect(input).toEqual({ from: "2026-11-01T00:00:00.000Z", to: "2026-12-01T00:00:00.000Z" });
  });

  it("drops values edited into the address that no filter accepts, and keeps the others", () => {
    const { input, ignored } = toOutputsQuery({ ...EMPTY_OUTPUTS_SEARCH, signal: "like", metadata: "novalue", model: "bot" }, "abc");
    expect(input).toEqual({ model: "bot", cursor: "abc" });
    expect(ignored).toEqual(["metadata", "signal"]);
  });
});

describe("reversed dates", () => {
  const datesOf = (from: string, to: string) => toOutputsQuery({ ...EMPTY_OUTPUTS_SEARCH, from, to }, null).input;
  it("are told apart from a one-day range, which is not reversed", () => {
    expect(areDatesReversed(datesOf("2026-11-25", "2026-11-21"))).toBe(true);
    expect(areDatesReversed(datesOf("2026-11-21", "2026-11-21"))).toBe(false);
    expect(areDatesReversed(datesOf("2026-11-21", ""))).toBe(false);
  });
});
