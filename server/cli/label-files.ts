import { createReadStream } from "node:fs";
import { CliUsageError } from "./command";
import { CsvSyntaxError, parseCsvStream, type CsvRecord } from "./csv";

/** Answers read from an `item,worker,label` file as columns, with the line each came from. */
export type LabelFile = { items: string[]; workers: string[]; labels: string[]; lines: number[] };

/**
 * Reads a CSV with a header naming at least `columns` (in any order; extra columns are ignored) and
 * yields those columns' values per row. Every problem becomes a CliUsageError naming the file and line.
 */
async function* readColumns(path: string, columns: readonly string[]): AsyncGenerator<{ values: string[]; line: number }> {
  let positions: number[] | undefined;
  let width = 0;
  try {
    for await (const record of parseCsvStream(createReadStream(path, { encoding: "utf8" }))) {
      if (positions === undefined) {
        positions = locateColumns(path, record, columns);
        width = record.fields.length;
        continue;
      }
      if (record.fields.length !== width) {
        throw new CliUsageError(`${path} line ${record.line}: expected ${width} fields, found ${record.fields.length}`);
      }
      const values = positions.map((position) => record.fields[position]!);
      const emptyColumn = columns.find((_, index) => values[index]!.trim() === "");
      if (emptyColumn !== undefined) throw new CliUsageError(`${path} line ${record.line}: empty ${emptyColumn}`);
      yield { values, line: record.line };
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new CliUsageError(`${path} line ${error.line}: ${error.message}`);
    if (isFileError(error)) throw new CliUsageError(`cannot read ${path}: ${error.code}`);
    throw error;
  }
  if (positions === undefined) throw new CliUsageError(`${path} is empty; expected a header ${columns.join(",")}`);
}

function locateColumns(path: string, header: CsvRecord, columns: readonly string[]): number[] {
  const names = header.fields.map((name) => name.trim());
  return columns.map((column) => {
    const position = names.indexOf(column);
    if (position === -1) {
      throw new CliUsageError(`${path} line ${header.line}: missing column "${column}" (header is ${names.join(",")})`);
    }
    return position;
  });
}

function isFileError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string";
}

/** Reads `item,worker,label` answers; a worker labelling the same item twice is an error. */
export async function readLabelFile(path: string): Promise<LabelFile> {
  const file: LabelFile = { items: [], workers: [], labels: [], lines: [] };
  const firstLine = new Map<string, number>();
  for await (const { values, line } of readColumns(path, ["item", "worker", "label"])) {
    const [item, worker, label] = values as [string, string, string];
    // JSON keeps the pair unambiguous whatever characters the ids contain.
    const key = JSON.stringify([item, worker]);
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      throw new CliUsageError(`${path} line ${line}: worker "${worker}" already labelled item "${item}" on line ${earlier}`);
    }
    firstLine.set(key, line);
    file.items.push(item);
    file.workers.push(worker);
    file.labels.push(label);
    file.lines.push(line);
  }
  if (file.items.length === 0) throw new CliUsageError(`${path} has a header but no answers`);
  return file;
}

/** Reads `item,label` gold answers; an item listed twice is an error. */
export async function readTruthFile(path: string): Promise<Map<string, string>> {
  const truth = new Map<string, string>();
  const firstLine = new Map<string, number>();
  for await (const { values, line } of readColumns(path, ["item", "label"])) {
    const [item, label] = values as [string, string];
    const earlier = firstLine.get(item);
    if (earlier !== undefined) {
      throw new CliUsageError(`${path} line ${line}: item "${item}" already has a gold label on line ${earlier}`);
    }
    firstLine.set(item, line);
    truth.set(item, label);
  }
  return truth;
}
