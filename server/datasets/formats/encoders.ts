import { stringify } from "csv-stringify/sync";
import { createParquetEncoder } from "./parquet";
import type { ExportRow } from "./queries";
import { parseReleaseLine, toTrainingSource, type ReleaseLine } from "./release-line";
import type { ExportOptions } from "./schema";
import { toOpenAiChatExample, toPreferencePair } from "./training-lines";

/**
 * Turns pages of release rows into the bytes of one format. `start` and `finish` frame the file (a CSV
 * header, a Parquet footer); each page's bytes go out as soon as they are made, so memory holds one page.
 */
export type RowEncoder = {
  start(): Uint8Array;
  encodePage(rows: ExportRow[]): Uint8Array;
  finish(): Uint8Array;
};

const encoder = new TextEncoder();
const empty = new Uint8Array(0);

function lineEncoder(toLine: (row: ExportRow) => string): RowEncoder {
  return {
    start: () => empty,
    encodePage: (rows) => encoder.encode(rows.map((row) => `${toLine(row)}\n`).join("")),
    finish: () => empty,
  };
}

const csvColumns = ["release", "external_id", "split", "queue", "schema_version", "input", "output", "label", "correction", "method", "confidence", "lineage"] as const;

/** A CSV cell: text as it is, numbers as digits, nested values as JSON text, absent and null as empty. */
function toCsvCell(value: unknown): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number") return value;
  return JSON.stringify(value);
}

/** RFC 4180 CSV through csv-stringify: a header row, then one flat row per release row (`change` second with `since`). */
function csvEncoder(hasChange: boolean): RowEncoder {
  const columns: (keyof ReleaseLine)[] = hasChange ? ["release", "change", ...csvColumns.slice(1)] : [...csvColumns];
  const options = { record_delimiter: "\r\n" as const };
  return {
    start: () => encoder.encode(stringify([columns], options)),
    encodePage: (rows) =>
      encoder.encode(
        stringify(
          rows.map((row) => {
            const line = parseReleaseLine(row);
            return columns.map((column) => toCsvCell(line[column]));
          }),
          options,
        ),
      ),
    finish: () => empty,
  };
}

/** The encoder for an export's format and options. */
export function createRowEncoder(options: ExportOptions): RowEncoder {
  const hasChange = options.since !== null;
  switch (options.format) {
    case "jsonl":
      return lineEncoder((row) => row.line);
    case "openai":
      return lineEncoder((row) => JSON.stringify(toOpenAiChatExample(toTrainingSource(row))));
    case "dpo":
      return lineEncoder((row) => {
        const source = toTrainingSource(row);
        // The query passes only rows whose correction differs from the original.
        return JSON.stringify(toPreferencePair({ ...source, correction: source.correction ?? "" }, options.dpoStyle));
      });
    case "csv":
      return csvEncoder(hasChange);
    case "parquet":
      return createParquetEncoder(hasChange);
  }
}
