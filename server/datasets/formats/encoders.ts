import Papa from "papaparse";
import { ChunkBuilder, forEachLine } from "./chunk-builder";
import { createParquetEncoder } from "./parquet";
import type { ExportPage } from "./queries";
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
  const chunk = new ChunkBuilder();
  return {
    start: () => empty,
    encodePage(page) {
      // JSONL is Postgres's text as it is; other line formats rewrite each line.
      if (!toLine) return encoder.encode(page.text);
      forEachLine(page.text, (line) => chunk.append(`${toLine(line)}\n`));
      return chunk.take();
    },
    finish: () => empty,
  };
}

/** CSV columns in order; Postgres renders each row's cells in this order (renderLine in queries.ts). */
export const csvColumns = ["release", "external_id", "split", "queue", "schema_version", "input", "output", "candidates", "label", "assertions", "correction", "method", "confidence", "lineage"] as const;

/** Records per call to the CSV writer: big enough to amortise the call, small enough that its strings die young. */
const CSV_BATCH = 200;
const CSV_OPTIONS = { newline: "\r\n", header: false } as const;

/**
 * RFC 4180 CSV through Papa Parse's writer (fields holding a comma, quote or line break are quoted, quotes
 * doubled, CRLF line ends): a header row, then one flat row per release row (`change` second with `since`).
 * Cells come from Postgres as a JSON array per row: text as it is, nested values as JSON text, and null
 * (absent, or a tombstone's missing field) as an empty cell.
 */
function csvEncoder(hasChange: boolean): RowEncoder {
  const columns: string[] = hasChange ? ["release", "change", ...csvColumns.slice(1)] : [...csvColumns];
  const chunk = new ChunkBuilder();
  let batch: unknown[][] = [];
  const flush = () => {
    if (batch.length === 0) return;
    chunk.append(`${Papa.unparse(batch, CSV_OPTIONS)}\r\n`);
    batch = [];
  };
  return {
    start: () => encoder.encode(`${Papa.unparse([columns], CSV_OPTIONS)}\r\n`),
    encodePage(page) {
      forEachLine(page.text, (line) => {
        batch.push(JSON.parse(line) as unknown[]);
        if (batch.length === CSV_BATCH) flush();
      });
      flush();
      return chunk.take();
    },
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
        // The query passes only rows whose preferred text differs from the rejected one.
        return JSON.stringify(toPreferencePair({ ...source, preferred: source.preferred ?? "" }, options.dpoStyle));
      });
    case "csv":
      return csvEncoder(hasChange);
    case "parquet":
      return createParquetEncoder(hasChange);
  }
}
