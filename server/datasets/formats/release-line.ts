import type { ExportRow } from "./queries";

/**
 * One parsed line of the release row contract (see the README), or with `since` a tombstone of a removed
 * row, which has only the key fields: release, change, external_id, split, queue and lineage ids.
 */
export type ReleaseLine = {
  release: number;
  change?: "added" | "relabelled" | "removed";
  external_id: string;
  input?: unknown;
  output?: unknown;
  label?: Record<string, unknown>;
  correction?: string | null;
  method?: string;
  confidence?: number;
  split: string;
  schema_version?: number | null;
  queue: string | null;
  lineage: Record<string, unknown>;
};

/** The row's line, parsed; Postgres rendered it from the stored columns. */
export function parseReleaseLine(row: ExportRow): ReleaseLine {
  return JSON.parse(row.line) as ReleaseLine;
}

/** What a training line needs from a row, rendered as `[input, correction]`. Tombstones never reach training formats: they refuse `since`. */
export function toTrainingSource(row: ExportRow) {
  const [input, correction] = JSON.parse(row.line) as [unknown, string | null];
  return { input, correction, outputText: row.output_text ?? "" };
}
