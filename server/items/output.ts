import type { Json } from "@/db/types";

/** The output behind a queue item, as the review, adjudication and shared pages show it. */
export type ItemOutput = {
  externalId: string;
  model: string | null;
  input: Json;
  output: Json;
  /** Two or more outputs for the input ({ output, model? }[]), for pairwise review; null for one output. */
  candidates: Json | null;
  tags: string[];
  metadata: Json;
  producedAt: Date;
};

/** The columns of an ItemOutput, for queries joining `outputs`. */
export const outputColumns = [
  "outputs.external_id as externalId",
  "outputs.model",
  "outputs.input",
  "outputs.output",
  "outputs.candidates",
  "outputs.tags",
  "outputs.metadata",
  "outputs.produced_at as producedAt",
] as const;

/** Picks the ItemOutput out of a row selected with `outputColumns`, leaving everything else behind. */
export function toItemOutput(row: ItemOutput): ItemOutput {
  return {
    externalId: row.externalId,
    model: row.model,
    input: row.input,
    output: row.output,
    candidates: row.candidates,
    tags: row.tags,
    metadata: row.metadata,
    producedAt: row.producedAt,
  };
}
