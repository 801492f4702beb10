import { CompiledQuery, type Kysely, type Transaction } from "kysely";
import type { Db, PgBoss } from "pg-boss";
import type { DB } from "@/db/types";
import { deliveryPolicyFromEnv, urlPolicyFromEnv } from "./config";
import { attemptDelivery, type DeliveryOptions } from "./deliver";
import { claimDueDeliveries, requeueStrandedDeliveries } from "./delivery-queries";
import { REQUEST_TIMEOUT_MS } from "./http-post";
import { registerWebhookPrune } from "./retention";

/** The pg-boss queue whose jobs each make one attempt of one delivery. */
export const WEBHOOK_DELIVERY_JOB = "webhooks.deliver";

type DeliveryJob = { projectId: string; deliveryId: string };

/**
 * Deliveries handed to pg-boss this long ago without a recorded attempt were lost (pg-boss gave up on the
 * job); they become due again. Long enough that a backlog still waiting for a free worker is not sent twice.
 */
const STRANDED_AFTER_MS = 30 * 60_000;
const CLAIM_BATCH = 100;

export type WebhookDispatcherOptions = Partial<DeliveryOptions> & { pollIntervalMs?: number; onError?: (error: unknown) => void };

/** Lets pg-boss write its jobs through our transaction, so a claimed delivery and its job commit together. */
function pgBossExecutor(trx: Transaction<DB>): Db {
  return { executeSql: async (text, values) => ({ rows: [...(await trx.executeQuery(CompiledQuery.raw(text, values ?? []))).rows] }) };
}

/** Claims the deliveries that are due and enqueues one job each, in one transaction: a crash leaves them either pending or enqueued. */
export async function dispatchDueDeliveries(db: Kysely<DB>, boss: PgBoss): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const claimed = await claimDueDeliveries(trx, CLAIM_BATCH);
    if (claimed.length === 0) return 0;
    await boss.insert(
      WEBHOOK_DELIVERY_JOB,
      claimed.map((delivery) => ({ data: { projectId: delivery.projectId, deliveryId: delivery.id } satisfies DeliveryJob })),
      { db: pgBossExecutor(trx) },
    );
    return claimed.length;
  });
}

/**
 * Starts webhook delivery in a worker process: a pg-boss worker that makes attempts, a dispatcher that
 * every `pollIntervalMs` moves committed, due deliveries (the outbox) into pg-boss and recovers stranded
 * ones, and the nightly prune of the delivery log. The outbox rows, not pg-boss, are the source of truth,
 * so nothing committed is lost.
 */
export async function registerWebhookDelivery(boss: PgBoss, db: Kysely<DB>, options: WebhookDispatcherOptions = {}): Promise<{ stop: () => Promise<void> }> {
  const deliveryOptions: DeliveryOptions = {
    urlPolicy: options.urlPolicy ?? urlPolicyFromEnv(),
    deliveryPolicy: options.deliveryPolicy ?? deliveryPolicyFromEnv(),
    random: options.random,
  };
  // A job outlives a worker that died mid-attempt by this long, then pg-boss runs it again.
  await boss.createQueue(WEBHOOK_DELIVERY_JOB, { expireInSeconds: REQUEST_TIMEOUT_MS / 1000 + 50, retryLimit: 3, retryDelay: 5 });
  await boss.work<DeliveryJob>(WEBHOOK_DELIVERY_JOB, { localConcurrency: 8, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (job) await attemptDelivery(db, job.data, deliveryOptions);
  });
  await registerWebhookPrune(boss, db);

  const onError = options.onError ?? (() => {});
  let isStopped = false;
  // One tick at a time: a tick slower than the interval (a slow database) skips the ticks it overlaps.
  let running: Promise<void> | null = null;
  const tick = async () => {
    try {
      await requeueStrandedDeliveries(db, new Date(Date.now() - STRANDED_AFTER_MS));
      // Drain: a burst bigger than one batch goes out without waiting for the next tick.
      while (!isStopped && (await dispatchDueDeliveries(db, boss)) === CLAIM_BATCH);
    } catch (error) {
      onError(error);
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => {
    running ??= tick();
  }, options.pollIntervalMs ?? 1_000);
  return {
    stop: async () => {
      isStopped = true;
      clearInterval(timer);
      await running;
      await boss.offWork(WEBHOOK_DELIVERY_JOB);
    },
  };
}
