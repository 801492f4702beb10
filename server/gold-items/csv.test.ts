import { describe, expect, it } from "vitest";
import { parseGoldCsv } from "./csv";

const labels = ["helpful", "harmful"];

describe("parseGoldCsv", () => {
  it("reads item,label lines with or without a header, skipping blank lines and trimming cells", () => {
    expect(parseGoldCsv("item,label\nout-1,helpful\n\n out-2 , harmful\n", labels)).toEqual([
      { line: 2, item: "out-1", label: "helpful" },
      { line: 4, item: "out-2", label: "harmful" },
    ]);
    expect(parseGoldCsv("out-1,harmful", labels)).toEqual([{ line: 1, item: "out-1", label: "harmful" }]);
  });

  it("names the line of a label the queue does not have", () => {
    expect(() => parseGoldCsv("item,label\nout-1,helpful\nout-2,maybe\n", labels)).toThrow('csv line 3: label "maybe" is not one of helpful, harmful');
  });

  it("names the line of a missing or extra column, an empty item and a repeated item", () => {
    expect(() => parseGoldCsv("out-1\n", labels)).toThrow("csv line 1: expected two columns: item,label");
    expect(() => parseGoldCsv("out-1,helpful,extra\n", labels)).toThrow("csv line 1: expected two columns");
    expect(() => parseGoldCsv("out-1,helpful\n,harmful\n", labels)).toThrow("csv line 2: the item (an output's external id) is empty");
    expect(() => parseGoldCsv("out-1,helpful\nout-2,helpful\nout-1,harmful\n", labels)).toThrow('csv line 3: item "out-1" is already on line 1');
  });

  it("refuses a file with no lines to import", () => {
    expect(() => parseGoldCsv("item,label\n\n", labels)).toThrow("csv: the file has no item,label lines");
  });
});
