import { describe, expect, it } from "vitest";
import { progressPrinter } from "./publish";

function capture(isTty: boolean) {
  const written: string[] = [];
  const print = progressPrinter({ stdout: () => {}, stderr: (text) => written.push(text) }, isTty);
  return { print, written };
}

describe("publish progress", () => {
  it("redraws one bar on a terminal", () => {
    const { print, written } = capture(true);
    print({ rowsFrozen: 5_000, rowsExpected: 20_000 });
    print({ rowsFrozen: 20_000, rowsExpected: 20_000 });
    expect(written).toEqual([`\r[${"#".repeat(8)}${"-".repeat(22)}] 5,000 / 20,000 rows`, `\r[${"#".repeat(30)}] 20,000 / 20,000 rows`]);
  });

  it("prints the first batch, then a line per tenth, when piped", () => {
    const { print, written } = capture(false);
    for (let frozen = 1_000; frozen <= 20_000; frozen += 1_000) print({ rowsFrozen: frozen, rowsExpected: 20_000 });
    expect(written).toHaveLength(11);
    expect(written.slice(0, 2)).toEqual(["frozen 1000 of 20000 rows\n", "frozen 2000 of 20000 rows\n"]);
    expect(written.at(-1)).toBe("frozen 20000 of 20000 rows\n");
  });
});
