import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { ConflictError } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import { redactIngestOutput } from "@/server/privacy/redact-output";
import type { Redactor } from "@/server/privacy/redactor";
import { loadProjectRedactor } from "@/server/privacy/settings-service";
import { planOpenQueueItems, priorityOf } from "@/server/sampling/service";
import { hashCanonicalContent, toCanonicalJson } from "./content-hash";
import { findOutputIds, insertOutputsWithQueueItems, type NewOutput } from "./queries";
import { ingestOutputSchema, type IngestItemResult, type IngestOutput } from "./schema";
import { formatItemField, validateBatchItems, type ValidItem } from "./validate-items";

export type IngestSummary = { created: number; duplicate: number; rejected: number };
export type IngestOutputsResult = { results: IngestItemResult[]; summary: IngestSummary };
export type IngestSource = { projectId: string; apiKeyId: string | null };

type AcceptedOutput = { index: number; row: NewOutput; parsed: IngestOutput };

function toNewOutput(output: IngestOutput, redactionCounts: Record<string, number>): NewOutput {
  const inputJson = toCanonicalJson(output.input);
  const outputJson = toCanonicalJson(output.output);
  return {
    externalId: output.external_id,
    traceId: output.trace_id ?? null,
    sessionId: output.session_id ?? null,
    model: output.model ?? null,
    inputJson,
    outputJson,
    metadataJson: JSON.stringify(output.metadata),
    tags: output.tags,
    endUserId: output.end_user_id ?? null,
    consent: output.consent,
    contentHash: hashCanonicalContent(inputJson, outputJson),
    producedAt: output.produced_at ?? null,
    suggestionJson: output.suggestion ? JSON.stringify(output.suggestion) : null,
    redactionCountsJson: JSON.stringify(redactionCounts),
  };
}

/**
 * Turns valid items into redacted rows, rejecting items repeating an external_id seen earlier in the batch
 * (which of them to keep would be a guess). Text Postgres cannot store was already refused by the item schema.
 */
function prepareOutputs(valid: ValidItem<IngestOutput>[], results: IngestItemResult[], redactor: Redactor): AcceptedOutput[] {
  const firstIndexById = new Map<string, number>();
  const accepted: AcceptedOutput[] = [];
  for (const { index, value } of valid) {
    const earlier = firstIndexById.get(value.external_id);
    if (earlier !== undefined) {
      const field = formatItemField("outputs", index, ["external_id"]);
      results.push({ index, external_id: value.external_id, status: "rejected", field, reason: `repeats the external_id of outputs[${earlier}] in this batch` });
      continue;
    }
    firstIndexById.set(value.external_id, index);
    const { output, counts } = redactIngestOutput(value, redactor);
    accepted.push({ index, row: toNewOutput(output, counts), parsed: output });
  }
  return accepted;
}

/**
 * Stores a batch of outputs, PII redacted by the project's privacy rules, and enqueues the new ones into
 * every open queue whose rule takes them, in one atomic statement. Each item gets its own status: created,
 * duplicate (external_id already stored; not re-queued) or rejected (naming the field). Nothing is written
 * when the database fails midway.
 */
export async function ingestOutputs(db: Kysely<DB>, source: IngestSource, items: readonly unknown[]): Promise<IngestOutputsResult> {
  const { valid, rejected } = validateBatchItems(ingestOutputSchema, "outputs", items);
  const results: IngestItemResult[] = rejected.map(({ index, externalId, field, reason }) => ({ index, external_id: externalId, status: "rejected", field, reason }));
  // PII is redacted before anything is hashed or stored; the project's rules are read once per batch.
  const prepared = valid.length === 0 ? [] : prepareOutputs(valid, results, await loadProjectRedactor(db, source.projectId));
  // Sorted by external_id so concurrent batches that overlap lock the unique index in the same order.
  const accepted = prepared.sort((a, b) => (a.row.externalId < b.row.externalId ? -1 : 1));

  if (accepted.length > 0) {
    // An output sent without produced_at is produced now: stamped here, so its sampling day is the day it is stored with.
    const receivedAt = new Date().toISOString();
    const candidates = accepted.map(({ row, parsed }) => ({ ...row, producedAt: row.producedAt ?? receivedAt, metadata: parsed.metadata }));
    const draws = await planOpenQueueItems(db, source.projectId, candidates);
    const queueItems = draws.map(({ queueId, output, inclusionProbability, isHoldout, stratum, isPrioritized }) => ({
      queueId,
      externalId: output.externalId,
      inclusionProbability,
      isHoldout,
      stratum,
      priority: priorityOf({ isPrioritized }),
    }));
    const created = await insertOutputsWithQueueItems(db, source.projectId, candidates, queueItems);
    const createdById = new Map(created.map((row) => [row.externalId, row]));
    const repeated = accepted.filter((item) => !createdById.has(item.row.externalId)).map((item) => item.row.externalId);
    const existingIds = new Map((await findOutputIds(db, source.projectId, repeated)).map((row) => [row.externalId, row.id]));

    for (const { index, row } of accepted) {
      const createdRow = createdById.get(row.externalId);
      if (createdRow) {
        results.push({ index, external_id: row.externalId, status: "created", id: createdRow.id, queued: createdRow.queued });
        continue;
      }
      const existingId = existingIds.get(row.externalId);
      // The insert skipped it for a stored twin that is gone now: only a concurrent delete does this.
      if (existingId === undefined) throw new ConflictError(`output ${row.externalId} changed during ingest; send the batch again`);
      results.push({ index, external_id: row.externalId, status: "duplicate", id: existingId });
    }
  }

  results.sort((a, b) => a.index - b.index);
  const summary = summarize(results);
  logger.debug({ projectId: source.projectId, apiKeyId: source.apiKeyId, ...summary }, "outputs ingested");
  return { results, summary };
}

/** Counts of each item status. */
export function summarize(results: readonly { status: "created" | "duplicate" | "rejected" }[]): IngestSummary {
  const summary: IngestSummary = { created: 0, duplicate: 0, rejected: 0 };
  for (const result of results) summary[result.status] += 1;
  return summary;
}
