import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createQueueRequestSchema } from "@/server/queues/schema";
import { createQueue } from "@/server/queues/service";
import { buildOutputItem } from "./test-fixtures";
import { buildQueueInput } from "@/server/queues/test-fixtures";
import { ingestOutputs } from "./service";
import { ingestSignals } from "./signals-service";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const send = (items: unknown[]) => ingestSignals(testDb.db, { projectId: team.project.id }, items);
const queuedExternalIds = async (queueId: string) =>
  (
    await testDb.db
      .selectFrom("queue_items")
      .innerJoin("outputs", "outputs.id", "queue_items.output_id")
      .select(["outputs.external_id as externalId", "queue_items.inclusion_probability as pi"])
      .where("queue_items.queue_id", "=", queueId)
      .orderBy("outputs.external_id")
      .execute()
  ).map((row) => row.externalId);

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  await ingestOutputs(testDb.db, { projectId: team.project.id, apiKeyId: null }, [
    buildOutputItem(1),
    buildOutputItem(2),
    buildOutputItem(3, { consent: false }),
  ]);
});

describe("ingestSignals", () => {
  it("records signals, rejecting unknown outputs and bad fields by name", async () => {
    const { results, summary } = await send([
      { external_id: "out-1", kind: "thumbs_up" },
      { external_id: "nope", kind: "thumbs_down" },
      { external_id: "out-1", kind: "score" },
      { external_id: "out-1", kind: "like" },
      { external_id: "out-2", kind: "score", value: 0.25, comment: "meh", end_user_id: "u1", occurred_at: "2026-03-01T10:00:00Z" },
    ]);
    expect(summary).toEqual({ created: 2, duplicate: 0, rejected: 3 });
    expect(results[0]).toMatchObject({ index: 0, status: "created", id: expect.any(Number) });
    expect(results[1]).toMatchObject({ status: "rejected", field: "signals[1].external_id", reason: expect.stringContaining("no output") });
    expect(results[2]).toMatchObject({ status: "rejected", field: "signals[2].value" });
    expect(results[3]).toMatchObject({ status: "rejected", field: "signals[3].kind" });
    const stored = await testDb.db.selectFrom("signals").selectAll().where("id", "=", (results[4] as { id: number }).id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ kind: "score", value: 0.25, comment: "meh", end_user_id: "u1" });
    expect(stored.occurred_at.toISOString()).toBe("2026-03-01T10:00:00.000Z");
  });

  it("records a signal once per idempotency key, within a batch and across retries", async () => {
    const signal = { external_id: "out-2", kind: "copy", idempotency_key: "copy-1" };
    const first = await send([signal, { ...signal }, { external_id: "out-2", kind: "copy" }]);
    expect(first.results.map((result) => result.status)).toEqual(["created", "duplicate", "created"]);
    const retry = await send([signal, { external_id: "out-2", kind: "copy", idempotency_key: "copy-2" }]);
    expect(retry.results.map((result) => result.status)).toEqual(["duplicate", "created"]);
    const keys = await testDb.db.selectFrom("signals").select("idempotency_key").where("kind", "=", "copy").execute();
    expect(keys.map((row) => row.idempotency_key).sort()).toEqual(["copy-1", "copy-2", null]);
  });

  it("queues an output into a signal-driven queue once a matching signal arrives, never without consent", async () => {
    const actor = { projectId: team.project.id, userId: team.members.lead.id };
    const input = createQueueRequestSchema.parse(buildQueueInput({ rate: 1, signals: ["thumbs_down", "regenerate"] }, { backfill: true }));
    const { id: queueId, backfill } = await createQueue(testDb.db, actor, input);
    expect(backfill).toEqual({ scanned: 3, added: 0 });

    await send([{ external_id: "out-2", kind: "thumbs_up" }]);
    expect(await queuedExternalIds(queueId)).toEqual([]);
    await send([
      { external_id: "out-2", kind: "thumbs_down" },
      { external_id: "out-3", kind: "thumbs_down" },
    ]);
    expect(await queuedExternalIds(queueId)).toEqual(["out-2"]);
    // A second negative signal is harmless: the item exists already.
    await send([{ external_id: "out-2", kind: "regenerate" }]);
    expect(await queuedExternalIds(queueId)).toEqual(["out-2"]);
  });
});
