import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { ColumnSource, SchemaElement } from "hyparquet-writer";
import type { RowEncoder } from "./encoders";
import type { ExportRow } from "./queries";
import { parseReleaseLine, type ReleaseLine } from "./release-line";
import { toOpenAiChatExample } from "./training-lines";

type ColumnSpec = { element: SchemaElement; value: (line: ReleaseLine, row: ExportRow) => unknown };

const text = (name: string, repetition: "REQUIRED" | "OPTIONAL" = "OPTIONAL"): SchemaElement => ({ name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: repetition });
const json = (name: string): SchemaElement => ({ name, type: "BYTE_ARRAY", converted_type: "JSON", repetition_type: "OPTIONAL" });

/** The training conversation (prompt turns, then the gold answer); a tombstone has none. */
function trainingMessages(line: ReleaseLine, row: ExportRow) {
  if (line.change === "removed") return null;
  const { messages } = toOpenAiChatExample({ input: line.input, correction: line.correction ?? null, outputText: row.output_text ?? "" });
  return messages.map(({ role, content }) => ({ role, content }));
}

/**
 * The columns, in order. `messages` is a standard three-level LIST of `struct<role, content>`, so DuckDB,
 * pyarrow and Spark read it as nested data; other nested values are JSON-typed text.
 */
function columnSpecs(hasChange: boolean): { columns: ColumnSpec[]; schemaTail: SchemaElement[] } {
  const columns: ColumnSpec[] = [
    { element: { name: "release", type: "INT32", repetition_type: "REQUIRED" }, value: (line) => line.release },
    ...(hasChange ? [{ element: text("change", "REQUIRED"), value: (line: ReleaseLine) => line.change }] : []),
    { element: text("external_id", "REQUIRED"), value: (line) => line.external_id },
    { element: text("split", "REQUIRED"), value: (line) => line.split },
    { element: text("queue"), value: (line) => line.queue },
    { element: { name: "schema_version", type: "INT32", repetition_type: "OPTIONAL" }, value: (line) => line.schema_version ?? null },
    { element: { name: "messages", repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 }, value: trainingMessages },
    { element: json("input"), value: (line) => line.input ?? null },
    { element: json("output"), value: (line) => line.output ?? null },
    { element: json("label"), value: (line) => line.label ?? null },
    { element: text("correction"), value: (line) => line.correction ?? null },
    { element: text("method"), value: (line) => line.method ?? null },
    { element: { name: "confidence", type: "DOUBLE", repetition_type: "OPTIONAL" }, value: (line) => line.confidence ?? null },
    { element: json("lineage"), value: (line) => line.lineage },
  ];
  // The LIST's inner levels follow `messages` in the flattened schema (depth-first order).
  const messageLevels: SchemaElement[] = [
    { name: "list", repetition_type: "REPEATED", num_children: 1 },
    { name: "element", repetition_type: "REQUIRED", num_children: 2 },
    text("role", "REQUIRED"),
    text("content", "REQUIRED"),
  ];
  return { columns, schemaTail: messageLevels };
}

function buildSchema(columns: ColumnSpec[], messageLevels: SchemaElement[]): SchemaElement[] {
  const schema: SchemaElement[] = [{ name: "root", num_children: columns.length }];
  for (const { element } of columns) {
    schema.push(element);
    if (element.name === "messages") schema.push(...messageLevels);
  }
  return schema;
}

/**
 * Parquet written one row group per page through hyparquet-writer's incremental writer: after each group the
 * bytes written so far are handed out and the buffer starts over, so memory holds one row group, never the
 * file. The footer (row group offsets, schema) goes out last.
 */
export function createParquetEncoder(hasChange: boolean): RowEncoder {
  const { columns, schemaTail } = columnSpecs(hasChange);
  const writer = new ByteWriter();
  let parquet: ParquetWriter | undefined;
  // Takes what the writer holds and empties it; `offset` keeps counting, so the footer's offsets stay right.
  const drain = () => {
    const bytes = writer.getBytes().slice();
    writer.index = 0;
    return bytes;
  };
  return {
    start() {
      parquet = new ParquetWriter({ writer, schema: buildSchema(columns, schemaTail), createdBy: "goldloop" });
      return drain();
    },
    encodePage(rows) {
      if (!parquet) throw new Error("parquet encoder used before start()");
      const lines = rows.map((row) => [parseReleaseLine(row), row] as const);
      const columnData: ColumnSource[] = columns.map(({ element, value }) => ({ name: element.name, data: lines.map(([line, row]) => value(line, row)) }));
      void parquet.write({ columnData, rowGroupSize: rows.length });
      return drain();
    },
    finish() {
      if (!parquet) throw new Error("parquet encoder used before start()");
      void parquet.finish();
      return drain();
    },
  };
}
