/** One parsed CSV record and the 1-based line it starts on. */
export type CsvRecord = { fields: string[]; line: number };

/** Malformed CSV; `line` is where the problem is. */
export class CsvSyntaxError extends Error {
  override name = "CsvSyntaxError";
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

type ParserState = "fieldStart" | "unquoted" | "quoted" | "quoteInQuoted";

/**
 * RFC 4180 parser that accepts input in chunks of any size (a chunk may end inside a field or between
 * CR and LF). Fields may be quoted, with "" for a quote and line breaks inside quotes; records end at
 * CRLF, LF or a lone CR. Blank lines are skipped, so a trailing newline adds no record. A leading byte
 * order mark is dropped.
 */
export class CsvParser {
  private state: ParserState = "fieldStart";
  private field = "";
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private isAfterCr = false;
  private isStart = true;

  /** Parses the next chunk and returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    let text = chunk;
    if (this.isStart && text.length > 0) {
      this.isStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (this.isAfterCr) {
        this.isAfterCr = false;
        // CRLF is one line break: inside quotes the LF is kept as text but not counted again.
        if (code === LF) {
          if (this.state === "quoted") this.field += "\n";
          continue;
        }
      }
      this.consume(code, text[index]!, records);
    }
    return records;
  }

  /** Ends the input; returns the last record, or throws if a quoted field was never closed. */
  finish(): CsvRecord[] {
    if (this.state === "quoted") throw new CsvSyntaxError("quoted field is never closed", this.quoteLine);
    const records: CsvRecord[] = [];
    if (this.state !== "fieldStart" || this.fields.length > 0) this.endRecord(records);
    return records;
  }

  private consume(code: number, char: string, records: CsvRecord[]): void {
    switch (this.state) {
      case "fieldStart":
      case "unquoted":
        if (code === COMMA) this.endField();
        else if (code === LF || code === CR) this.endLine(code, records);
        else if (code === QUOTE) {
          if (this.state === "unquoted") throw new CsvSyntaxError("a quote inside an unquoted field", this.line);
          this.state = "quoted";
          this.quoteLine = this.line;
        } else {
          this.field += char;
          this.state = "unquoted";
        }
        return;
      case "quoted":
        if (code === QUOTE) this.state = "quoteInQuoted";
        else {
          if (code === LF || code === CR) this.line += 1;
          this.isAfterCr = code === CR;
          this.field += char;
        }
        return;
      case "quoteInQuoted":
        if (code === QUOTE) {
          this.field += '"';
          this.state = "quoted";
        } else if (code === COMMA) this.endField();
        else if (code === LF || code === CR) this.endLine(code, records);
        else throw new CsvSyntaxError("text after a closing quote", this.line);
        return;
    }
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = "";
    this.state = "fieldStart";
  }

  private endLine(code: number, records: CsvRecord[]): void {
    const isBlank = this.state === "fieldStart" && this.fields.length === 0;
    if (!isBlank) this.endRecord(records);
    this.line += 1;
    this.recordLine = this.line;
    this.isAfterCr = code === CR;
  }

  private endRecord(records: CsvRecord[]): void {
    this.fields.push(this.field);
    records.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
    this.field = "";
    this.state = "fieldStart";
  }
}

/** Parses a stream of text chunks (for example a file read as UTF-8) record by record. */
export async function* parseCsvStream(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser();
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.finish();
}

/** Parses a whole CSV text. */
export function parseCsv(text: string): CsvRecord[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.finish()];
}

/** Formats one CSV row, quoting fields that hold a comma, quote or line break. */
export function formatCsvRow(fields: readonly string[]): string {
  return `${fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(",")}\r\n`;
}
