import Papa from "papaparse";
import { ValidationError } from "@/server/lib/errors";

export type GoldCsvRow = { line: number; item: string; label: string };

/** The most lines one upload may hold; a lead marks gold checks by the hundred, not by the million. */
export const MAX_GOLD_CSV_ROWS = 10_000;

function refuse(line: number, message: string): never {
  throw new ValidationError(`csv line ${line}: ${message}`, { field: "csv" });
}

/**
 * Reads `item,label` lines (an optional `item,label` header first) and checks what needs no database: two
 * columns, a label among `labels`, each item once. Errors name the line, counted from 1 as an editor counts.
 */
export function parseGoldCsv(text: string, labels: readonly string[]): GoldCsvRow[] {
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", skipEmptyLines: false });
  const firstError = parsed.errors[0];
  if (firstError) refuse((firstError.row ?? 0) + 1, firstError.message.toLowerCase());
  const known = new Set(labels);
  const seen = new Map<string, number>();
  const rows: GoldCsvRow[] = [];
  parsed.data.forEach((cells, index) => {
    const line = index + 1;
    if (cells.length === 1 && cells[0]!.trim() === "") return;
    const [item, label, ...rest] = cells.map((cell) => cell.trim());
    if (index === 0 && item?.toLowerCase() === "item" && label?.toLowerCase() === "label") return;
    if (item === undefined || label === undefined || rest.length > 0) refuse(line, "expected two columns: item,label");
    if (item === "") refuse(line, "the item (an output's external id) is empty");
    if (!known.has(label)) refuse(line, `label "${label}" is not one of ${labels.join(", ")}`);
    const earlier = seen.get(item);
    if (earlier !== undefined) refuse(line, `item "${item}" is already on line ${earlier}`);
    seen.set(item, line);
    rows.push({ line, item, label });
  });
  if (rows.length === 0) throw new ValidationError("csv: the file has no item,label lines", { field: "csv" });
  if (rows.length > MAX_GOLD_CSV_ROWS) throw new ValidationError(`csv: at most ${MAX_GOLD_CSV_ROWS.toLocaleString("en")} lines per upload`, { field: "csv" });
  return rows;
}
