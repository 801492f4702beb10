import { stringify } from "csv-stringify/sync";
import { createParquetEncoder } from "./parquet";
import { pageLines, type ExportPage } from "./queries";
import type { ExportOptions } from "./schema";
import { parseTrainingSource, toOpenAiChatExample, toPreferencePair } from "./training-lines";

/**
 * Turns pages of release rows into the bytes of one format. `start` and `finish` frame the file (a CSV
 * header, a Parquet footer); each page's bytes go out as soon as they are made, so memory holds one page.
 */
export type RowEncoder = {
  start(): Uint8Array;
  encodePage(page: ExportPage): Uint8Array;
  finish(): Uint8Array;
};

const encoder = new TextEncoder();
const empty = new Uint8Array(0);

function lineEncoder(toLine: ((line: string) => string) | null): RowEncoder {
  return {
    start: () => empty,
    // JSONL is Postgres's text as it is; other line formats rewrite each line.
    encodePage: (page) => encoder.encode(toLine ? pageLines(page).map((line) => `${toLine(line)}\n`).join("") : page.text),
    finish: () => empty,
  };
}

/** CSV columns in order; Postgres renders each row's cells in this order (renderLine in queries.ts). */
export const csvColumns = ["release", "external_id", "split", "queue", "schema_version", "input", "output", "label", "correction", "method", "confidence", "lineage"] as const;

/**
 * RFC 4180 CSV through csv-stringify: a header row, then one flat row per release row (`change` second with
 * `since`). Cells come from Postgres as a JSON array per row: text as it is, nested values as JSON text, and
 * null (absent, or a tombstone's missing field) as an empty cell.
 */
function csvEncoder(hasChange: boolean): RowEncoder {
  const columns: string[] = hasChange ? ["release", "change", ...csvColumns.slice(1)] : [...csvColumns];
  const options = { record_delimiter: "\r\n" as const };
  return {
    start: () => encoder.encode(stringify([columns], options)),
    encodePage: (page) => encoder.encode(stringify(pageLines(page).map((line) => JSON.parse(line) as (string | number | null)[]), options)),
    finish: () => empty,
  };
}

/** The encoder for an export's format and options. */
export function createRowEncoder(options: ExportOptions): RowEncoder {
  const hasChange = options.since !== null;
  switch (options.format) {
    case "jsonl":
      return lineEncoder(null);
    case "openai":
      return lineEncoder((line) => JSON.stringify(toOpenAiChatExample(parseTrainingSource(line))));
    case "dpo":
      return lineEncoder((line) => {
        const source = parseTrainingSource(line);
        // The query passes only rows whose correction differs from the original.
        return JSON.stringify(toPreferencePair({ ...source, correction: source.correction ?? "" }, options.dpoStyle));
      });
    case "csv":
      return csvEncoder(hasChange);
    case "parquet":
      return createParquetEncoder(hasChange);
  }
}
