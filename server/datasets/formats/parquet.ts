import { constants, zstdCompressSync } from "node:zlib";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { ColumnSource, SchemaElement } from "hyparquet-writer";
import type { RowEncoder } from "./encoders";
import { forEachLine } from "./chunk-builder";
import { inputToMessages, type TrainingRole } from "./conversation";

/** A row's cells as Postgres renders them for Parquet: csvColumns' order, nested values as JSON text, then the text its messages train on. */
type Cells = (string | number | null)[];

const text = (name: string, repetition: "REQUIRED" | "OPTIONAL" = "OPTIONAL"): SchemaElement => ({ name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: repetition });

type ColumnSpec = { element: SchemaElement; cell?: number; isUnique?: boolean };

/**
 * The columns in order, each with its cell in the rendered row (`change`, when present, shifts the rest by
 * one). `messages` is a standard three-level LIST of `struct<role, content>`, so DuckDB, pyarrow and Spark
 * read it as nested data; input, output, candidates, label, assertions and lineage are JSON text.
 */
function columnSpecs(hasChange: boolean): ColumnSpec[] {
  const shift = hasChange ? 1 : 0;
  return [
    { element: { name: "release", type: "INT32", repetition_type: "REQUIRED" }, cell: 0 },
    ...(hasChange ? [{ element: text("change", "REQUIRED"), cell: 1 }] : []),
    { element: text("external_id", "REQUIRED"), cell: 1 + shift, isUnique: true },
    { element: text("split", "REQUIRED"), cell: 2 + shift },
    { element: text("queue"), cell: 3 + shift },
    { element: { name: "schema_version", type: "INT32", repetition_type: "OPTIONAL" }, cell: 4 + shift },
    { element: { name: "messages", repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 }, isUnique: true },
    { element: text("input"), cell: 5 + shift, isUnique: true },
    { element: text("output"), cell: 6 + shift, isUnique: true },
    { element: text("candidates"), cell: 7 + shift, isUnique: true },
    { element: text("label"), cell: 8 + shift },
    { element: text("assertions"), cell: 9 + shift },
    { element: text("correction"), cell: 10 + shift, isUnique: true },
    { element: text("method"), cell: 11 + shift },
    { element: { name: "confidence", type: "DOUBLE", repetition_type: "OPTIONAL" }, cell: 12 + shift },
    { element: text("lineage"), cell: 13 + shift, isUnique: true },
  ];
}

// The LIST's inner levels follow `messages` in the flattened schema (depth-first order).
const messageLevels: SchemaElement[] = [
  { name: "list", repetition_type: "REPEATED", num_children: 1 },
  { name: "element", repetition_type: "REQUIRED", num_children: 2 },
  text("role", "REQUIRED"),
  text("content", "REQUIRED"),
];

function buildSchema(columns: ColumnSpec[]): SchemaElement[] {
  const schema: SchemaElement[] = [{ name: "root", num_children: columns.length }];
  for (const { element } of columns) {
    schema.push(element);
    if (element.name === "messages") schema.push(...messageLevels);
  }
  return schema;
}

/**
 * Long unique text goes to the writer as UTF-8 bytes: Buffer.from takes small strings from Node's pooled
 * allocator, where the writer would make a TextEncoder and a fresh buffer per value.
 */
const toBytes = (text: string) => Buffer.from(text, "utf8");

/** Roles as bytes, made once: the writer would encode the same few words once per message. */
const ROLE_BYTES: Record<TrainingRole, Buffer> = { system: toBytes("system"), user: toBytes("user"), assistant: toBytes("assistant") };

/** The training conversation (the prompt turns, then the gold answer, as in the openai format); a tombstone (no input) has none. */
function trainingMessages(cells: Cells, columns: { input: number; answer: number }) {
  const input = cells[columns.input];
  if (typeof input !== "string") return null;
  const answerCell = cells[columns.answer];
  const answer = typeof answerCell === "string" ? answerCell : "";
  const messages = inputToMessages(JSON.parse(input)).map(({ role, content }) => ({ role: ROLE_BYTES[role], content: toBytes(content) }));
  messages.push({ role: ROLE_BYTES.assistant, content: toBytes(answer) });
  return messages;
}

const compressZstd = (input: Uint8Array) => new Uint8Array(zstdCompressSync(input, { params: { [constants.ZSTD_c_compressionLevel]: 1 } }));

/**
 * Parquet written one row group per page through hyparquet-writer's incremental writer: after each group the
 * bytes written so far are handed out and the buffer starts over, so memory holds one row group, never the
 * file. The footer (row group offsets, schema) goes out last.
 */
export function createParquetEncoder(hasChange: boolean): RowEncoder {
  const columns = columnSpecs(hasChange);
  const cellOf = (name: string) => columns.find((column) => column.element.name === name)!.cell!;
  const messageCells = { input: cellOf("input"), answer: cellOf("lineage") + 1 };
  const writer = new ByteWriter();
  // Statistics on long unique text buy nothing a reader uses here and cost a pass over every value.
  // Zstandard (Node's native zlib, at its fastest level) compresses as well as Snappy at a fraction of the
  // JavaScript Snappy's time; DuckDB, pyarrow and Spark read it.
  const parquet = new ParquetWriter({ writer, schema: buildSchema(columns), createdBy: "goldloop", statistics: false, codec: "ZSTD", compressors: { ZSTD: compressZstd } });
  // Takes what the writer holds and empties it; `offset` keeps counting, so the footer's offsets stay right.
  const drain = () => {
    const bytes = writer.getBytes().slice();
    writer.index = 0;
    return bytes;
  };
  return {
    start: drain,
    encodePage(page) {
      const cells: Cells[] = [];
      forEachLine(page.text, (line) => cells.push(JSON.parse(line) as Cells));
      const columnData: ColumnSource[] = columns.map(({ element, cell, isUnique }) => ({
        name: element.name,
        data:
          cell === undefined
            ? cells.map((rowCells) => trainingMessages(rowCells, messageCells))
            : cells.map((rowCells) => {
                const value = rowCells[cell] ?? null;
                return isUnique && typeof value === "string" ? toBytes(value) : value;
              }),
        // A dictionary never pays off on values that are (nearly) all different; skip trying.
        ...(isUnique ? { encoding: "PLAIN" as const } : {}),
      }));
      void parquet.write({ columnData, rowGroupSize: cells.length });
      return drain();
    },
    finish() {
      void parquet.finish();
      return drain();
    },
  };
}
