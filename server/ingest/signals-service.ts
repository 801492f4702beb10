import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { loadProjectRedactor } from "@/server/privacy/settings-service";
import { enqueueAfterSignals } from "@/server/sampling/service";
import { findOutputIds, insertSignals, type NewSignal } from "./queries";
import { ingestSignalSchema, type SignalItemResult } from "./schema";
import { summarize, type IngestSummary } from "./service";
import { formatItemField, validateBatchItems } from "./validate-items";

export type IngestSignalsResult = { results: SignalItemResult[]; summary: IngestSummary };

/**
 * Records production signals against stored outputs, in one transaction. An unknown external_id is
 * rejected; a repeated idempotency_key (in this batch or an earlier one) is a duplicate. Queues whose rule
 * needs a signal are then re-evaluated for the outputs that got one, so a late thumbs_down still queues.
 */
export async function ingestSignals(db: Kysely<DB>, source: { projectId: string }, items: readonly unknown[]): Promise<IngestSignalsResult> {
  const { valid, rejected } = validateBatchItems(ingestSignalSchema, "signals", items);
  const results: SignalItemResult[] = rejected.map(({ index, field, reason }) => ({ index, status: "rejected", field, reason }));

  if (valid.length > 0) {
    // A thumbs-down comment is free text like any prompt: the same rules redact it before it is stored.
    const redactor = await loadProjectRedactor(db, source.projectId);
    await db.transaction().execute(async (trx) => {
      const externalIds = [...new Set(valid.map((item) => item.value.external_id))];
      const outputIds = new Map((await findOutputIds(trx, source.projectId, externalIds)).map((row) => [row.externalId, row.id]));
      const seenKeys = new Set<string>();
      const pending: { index: number; signal: NewSignal }[] = [];
      for (const { index, value } of valid) {
        const outputId = outputIds.get(value.external_id);
        if (outputId === undefined) {
          const field = formatItemField("signals", index, ["external_id"]);
          results.push({ index, status: "rejected", field, reason: "no output with this external_id in the project; send the output first" });
          continue;
        }
        const key = value.idempotency_key ?? null;
        if (key !== null && seenKeys.has(key)) {
          results.push({ index, status: "duplicate" });
          continue;
        }
        if (key !== null) seenKeys.add(key);
        pending.push({
          index,
          signal: {
            outputId,
            kind: value.kind,
            value: value.value ?? null,
            comment: value.comment === undefined ? null : redactor.redactText(value.comment, {}),
            endUserId: value.end_user_id ?? null,
            idempotencyKey: key,
            occurredAt: value.occurred_at ? new Date(value.occurred_at) : new Date(),
          },
        });
      }

      const inserted = await insertSignals(trx, source.projectId, pending.map((item) => item.signal));
      const idByKey = new Map(inserted.flatMap((row) => (row.idempotencyKey === null ? [] : [[row.idempotencyKey, row.id] as const])));
      // Signals without a key never conflict, so they all come back, in the order they were sent.
      const unkeyedIds = inserted.filter((row) => row.idempotencyKey === null).map((row) => row.id);
      const signalledOutputs = new Set<number>();
      for (const { index, signal } of pending) {
        const id = signal.idempotencyKey === null ? unkeyedIds.shift() : idByKey.get(signal.idempotencyKey);
        if (id === undefined) {
          results.push({ index, status: "duplicate" });
          continue;
        }
        results.push({ index, status: "created", id });
        signalledOutputs.add(signal.outputId);
      }
      await enqueueAfterSignals(trx, source.projectId, [...signalledOutputs]);
    });
  }

  results.sort((a, b) => a.index - b.index);
  return { results, summary: summarize(results) };
}
