import type { Kysely } from "kysely";
import { poolOf } from "@/db";
import type { DB } from "@/db/types";
import { ConflictError } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import { isUnstorableText } from "@/server/lib/safe-text";
import { redactIngestOutput } from "@/server/privacy/redact-output";
import type { Redactor } from "@/server/privacy/redactor";
import { loadProjectRedactor } from "@/server/privacy/settings-service";
import { planOpenQueueItems, priorityOf } from "@/server/sampling/service";
import { hashCanonicalContent, toCanonicalJson } from "./content-hash";
import { OutputCopy } from "./copy-outputs";
import { writeQueueItemPlanSoon } from "./queue-item-plans";
import { findOutputIds, insertOutputsWithQueueItems, type NewOutput } from "./queries";
import { ingestOutputSchema, type IngestItemResult, type IngestOutput } from "./schema";
import { explainItemError, formatItemField } from "./validate-items";

export type IngestSummary = { created: number; duplicate: number; rejected: number };
export type IngestOutputsResult = { results: IngestItemResult[]; summary: IngestSummary };
export type IngestSource = { projectId: string; apiKeyId: string | null };

type StoredRow = NewOutput & { producedAt: string };
/** A new output, ready to store: `id` is the one drawn for the COPY, null on the row path. */
type AcceptedOutput = { index: number; id: number | null; row: StoredRow; metadata: IngestOutput["metadata"] };
type StoreOutcome = { status: "created"; id: number; queued: number } | { status: "duplicate"; id: number };

function toStoredRow(output: IngestOutput, redactionCounts: Record<string, number>, receivedAt: string): StoredRow {
  const inputJson = toCanonicalJson(output.input);
  const outputJson = toCanonicalJson(output.output);
  const candidatesJson = output.candidates ? toCanonicalJson(output.candidates) : null;
  return {
    externalId: output.external_id,
    traceId: output.trace_id ?? null,
    sessionId: output.session_id ?? null,
    model: output.model ?? null,
    inputJson,
    outputJson,
    candidatesJson,
    metadataJson: JSON.stringify(output.metadata),
    tags: output.tags,
    endUserId: output.end_user_id ?? null,
    consent: output.consent,
    contentHash: hashCanonicalContent(inputJson, outputJson, candidatesJson),
    // An output sent without produced_at is produced now: stamped here, so its sampling day is the day it is stored with.
    producedAt: output.produced_at ?? receivedAt,
    suggestionJson: output.suggestion ? JSON.stringify(output.suggestion) : null,
    redactionCountsJson: JSON.stringify(redactionCounts),
  };
}

/** How many items are validated between two sends of COPY text: enough to keep syscalls few, few enough to keep Postgres busy. */
const COPY_CHUNK_ITEMS = 50;

/** The external id an item was sent with, as the item schema will read it; null when it cannot be one. */
function sentExternalId(item: unknown): string | null {
  const raw = (item as { external_id?: unknown } | null)?.external_id;
  if (typeof raw !== "string") return null;
  const trimmed = raw.trim();
  return trimmed.length > 0 && trimmed.length <= 200 && !isUnstorableText(trimmed) ? trimmed : null;
}

/**
 * Positions of the items ordered by external id, stably (of two items with one id, the first sent comes
 * first): concurrent batches that overlap take the unique-index locks in the same order.
 */
function orderByExternalId(ids: readonly (string | null)[]): number[] {
  return ids
    .map((_, index) => index)
    .sort((a, b) => {
      const [left, right] = [ids[a] ?? "", ids[b] ?? ""];
      return left < right ? -1 : left > right ? 1 : a - b;
    });
}

/**
 * Validates and redacts the batch and settles every item it can on its own: rejected (naming the field, or
 * repeating an external_id seen earlier in the batch: which to keep would be a guess) or a duplicate the
 * lookup found stored. Returns the new outputs, streaming each into `copy` as it is accepted.
 */
async function acceptItems(
  items: readonly unknown[],
  sentIds: readonly (string | null)[],
  context: { redactor: Redactor; copy: OutputCopy | null; results: IngestItemResult[] },
): Promise<AcceptedOutput[]> {
  const { redactor, copy, results } = context;
  const receivedAt = new Date().toISOString();
  const firstIndexById = new Map<string, number>();
  const accepted: AcceptedOutput[] = [];
  for (const [position, index] of orderByExternalId(sentIds).entries()) {
    const parsed = ingestOutputSchema.safeParse(items[index]);
    if (!parsed.success) {
      const rawId = (items[index] as { external_id?: unknown } | null)?.external_id;
      results.push({ index, external_id: typeof rawId === "string" ? rawId : null, status: "rejected", ...explainItemError("outputs", index, parsed.error) });
    } else {
      const value = parsed.data;
      const earlier = firstIndexById.get(value.external_id);
      const storedId = copy?.existing.get(value.external_id);
      if (earlier !== undefined) {
        const field = formatItemField("outputs", index, ["external_id"]);
        results.push({ index, external_id: value.external_id, status: "rejected", field, reason: `repeats the external_id of outputs[${earlier}] in this batch` });
      } else {
        firstIndexById.set(value.external_id, index);
        if (storedId !== undefined) {
          results.push({ index, external_id: value.external_id, status: "duplicate", id: storedId });
        } else {
          const { output, counts } = redactIngestOutput(value, redactor);
          const row = toStoredRow(output, counts, receivedAt);
          const id = copy ? copy.takeId() : null;
          accepted.push({ index, id, row, metadata: output.metadata });
          if (copy && id !== null) copy.add({ ...row, id });
        }
      }
    }
    if (copy && position % COPY_CHUNK_ITEMS === COPY_CHUNK_ITEMS - 1) await copy.flush();
  }
  return accepted;
}

type Draws = Awaited<ReturnType<typeof planOpenQueueItems<StoredRow & { metadata: IngestOutput["metadata"]; id: number | null }>>>;

/** What a queue item of this draw stores, whichever path writes it. */
const toQueueItem = (draw: Draws[number]) => ({
  queueId: draw.queueId,
  inclusionProbability: draw.inclusionProbability,
  isHoldout: draw.isHoldout,
  stratum: draw.stratum,
  priority: priorityOf(draw),
});

/**
 * The row path: one INSERT … ON CONFLICT DO NOTHING for the outputs and their queue items. An output it
 * skipped was stored by someone else, so it is a duplicate of the stored id.
 */
async function storeByRows(db: Kysely<DB>, projectId: string, accepted: readonly AcceptedOutput[], draws: Draws): Promise<Map<string, StoreOutcome>> {
  const queueItems = draws.map((draw) => ({ ...toQueueItem(draw), externalId: draw.output.externalId }));
  const created = await insertOutputsWithQueueItems(
    db,
    projectId,
    accepted.map((item) => item.row),
    queueItems,
  );
  const outcomes = new Map<string, StoreOutcome>(created.map((row) => [row.externalId, { status: "created", id: row.id, queued: row.queued }]));
  const repeated = accepted.filter((item) => !outcomes.has(item.row.externalId)).map((item) => item.row.externalId);
  for (const { externalId, id } of await findOutputIds(db, projectId, repeated)) outcomes.set(externalId, { status: "duplicate", id });
  return outcomes;
}

/**
 * The COPY path's outcome: every accepted output was created with its drawn id, and the plan its queue items
 * wait in; null when a race sent the batch to the row path.
 */
async function storeByCopy(
  db: Kysely<DB>,
  copy: OutputCopy,
  accepted: readonly AcceptedOutput[],
  draws: Draws,
): Promise<{ outcomes: Map<string, StoreOutcome>; planId: number | null } | null> {
  const plan = await copy.finish(
    db,
    draws.map((draw) => ({ ...toQueueItem(draw), outputId: draw.output.id!, contentHash: draw.output.contentHash })),
  );
  if (plan === "race") return null;
  const outcomes = new Map<string, StoreOutcome>(accepted.map(({ row, id }) => [row.externalId, { status: "created", id: id!, queued: plan.queued.get(id!) ?? 0 }]));
  return { outcomes, planId: plan.planId };
}

/** When the queue items of a batch stored by COPY are written: before the answer (the default), or right after it. */
export type IngestOptions = { queueItems?: "before-answer" | "after-answer" };

/**
 * Stores a batch of outputs, PII redacted by the project's privacy rules, and enqueues the new ones into
 * every open queue whose rule takes them. Each item gets its own status: created, duplicate (external_id
 * already stored; not re-queued) or rejected (naming the field). Nothing is written when the database fails
 * midway.
 *
 * The fast path looks the batch's external ids up, streams the new rows into one COPY while the rest of
 * the batch is still being validated, and commits the queue items drawn for them as one plan in the same
 * transaction; the items themselves are written from the plan right after the commit: before the answer or,
 * for the REST route, after it, off the request's path. When a concurrent writer stores one of the
 * same external ids in between, it rolls back and the row path stores the batch and its queue items with
 * ON CONFLICT, which tells created from duplicate exactly.
 */
export async function ingestOutputs(db: Kysely<DB>, source: IngestSource, items: readonly unknown[], options: IngestOptions = {}): Promise<IngestOutputsResult> {
  const results: IngestItemResult[] = [];
  const sentIds = items.map(sentExternalId);
  const pool = poolOf(db);
  // PII is redacted before anything is hashed or stored; the project's rules are read once per batch, while
  // the COPY opens.
  const opening = pool && items.length > 0 ? OutputCopy.open(pool, source.projectId, sentIds.filter((id) => id !== null), items.length) : Promise.resolve(null);
  // It may fail (the database gone) while the redactor loads, before anything awaits it: handled from the
  // start, so that is no unhandled rejection; the failure is thrown where it is awaited.
  opening.catch(() => undefined);
  let redactor: Redactor;
  try {
    redactor = await loadProjectRedactor(db, source.projectId);
  } catch (error) {
    await (await opening.catch(() => null))?.abandon(error as Error);
    throw error;
  }
  const copy = await opening;

  let accepted: AcceptedOutput[];
  let draws: Draws;
  try {
    accepted = await acceptItems(items, sentIds, { redactor, copy, results });
    draws = await planOpenQueueItems(db, source.projectId, accepted.map(({ row, id, metadata }) => ({ ...row, id, metadata, hasCandidates: row.candidatesJson !== null })));
  } catch (error) {
    await copy?.abandon(error as Error);
    throw error;
  }

  const copied = copy && (await storeByCopy(db, copy, accepted, draws));
  const outcomes = copied?.outcomes ?? (accepted.length > 0 ? await storeByRows(db, source.projectId, accepted, draws) : new Map<string, StoreOutcome>());
  if (copied?.planId != null) {
    const writing = writeQueueItemPlanSoon(db, copied.planId);
    if (options.queueItems !== "after-answer") await writing;
  }
  for (const { index, row } of accepted) {
    const outcome = outcomes.get(row.externalId);
    // The insert skipped it for a stored twin that is gone now: only a concurrent delete does this.
    if (!outcome) throw new ConflictError(`output ${row.externalId} changed during ingest; send the batch again`);
    results.push({ index, external_id: row.externalId, ...outcome });
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
