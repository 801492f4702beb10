import { describe, expect, it } from "vitest";
import { CsvParser, CsvSyntaxError, formatCsvRow, parseCsv, parseCsvStream } from "./csv";

const fieldsOf = (text: string) => parseCsv(text).map((record) => record.fields);

describe("parseCsv", () => {
  it("splits records on CRLF, LF or CR and skips blank lines", () => {
    expect(parseCsv("a,b\r\nc,d\n\ne,f\rg,h\r\n")).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["c", "d"], line: 2 },
      { fields: ["e", "f"], line: 4 },
      { fields: ["g", "h"], line: 5 },
    ]);
  });

  it("handles quoted fields with commas, doubled quotes and line breaks", () => {
    const records = parseCsv('id,text\r\n1,"a, ""b""\r\nc"\r\n2,""\r\n3,\r\n');
    expect(records.map((record) => record.fields)).toEqual([["id", "text"], ["1", 'a, "b"\r\nc'], ["2", ""], ["3", ""]]);
    expect(records.map((record) => record.line)).toEqual([1, 2, 4, 5]);
  });

  it("keeps empty fields and the last record without a newline", () => {
    expect(fieldsOf(",a,\nb")).toEqual([["", "a", ""], ["b"]]);
    expect(fieldsOf("\ufeffitem\n")).toEqual([["item"]]);
    expect(fieldsOf("")).toEqual([]);
  });

  it("reports malformed quoting with its line", () => {
    expect(() => parseCsv('a,b\nc,d"e\n')).toThrow(new CsvSyntaxError("a quote inside an unquoted field", 2));
    expect(() => parseCsv('a\n"b"x\n')).toThrow(/text after a closing quote/);
    try {
      parseCsv('a\nb\n"never\nclosed');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line).toBe(3);
    }
  });
});

describe("CsvParser", () => {
  it("gives the same records whatever the chunk boundaries", () => {
    const text = 'a,"x\r\ny"\r\n"q""",b\r\nlast,1';
    const expected = parseCsv(text);
    for (let size = 1; size <= 4; size += 1) {
      const parser = new CsvParser();
      const records = [];
      for (let start = 0; start < text.length; start += size) records.push(...parser.push(text.slice(start, start + size)));
      records.push(...parser.finish());
      expect(records).toEqual(expected);
    }
  });

  it("parses an async stream of chunks", async () => {
    async function* chunks() {
      yield "a,b\r";
      yield "\nc,d";
    }
    const records = [];
    for await (const record of parseCsvStream(chunks())) records.push(record);
    expect(records).toEqual([{ fields: ["a", "b"], line: 1 }, { fields: ["c", "d"], line: 2 }]);
  });
});

describe("formatCsvRow", () => {
  it("quotes only when needed and round-trips", () => {
    const row = ["plain", "a,b", 'say "hi"', "two\nlines"];
    expect(formatCsvRow(["x", "1"])).toBe("x,1\r\n");
    expect(fieldsOf(formatCsvRow(row))).toEqual([row]);
  });
});
