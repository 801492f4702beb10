import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { startJobRunner } from "@/server/jobs/runner";
import { ConflictError, InvalidStateError } from "@/server/lib/errors";
import { claimQueueItem } from "./claim-queries";
import { LEASE_REAPER_JOB, reapAllExpiredLeases } from "./reaper";
import { claimNext, heartbeat, skipAssignment } from "./service";
import { submitAnnotation } from "./submit-service";

const testDb = setUpTestDatabase();
let pool: Database;
let team: Awaited<ReturnType<typeof seedProjectTeam>>;

beforeAll(async () => {
  // One connection per claimer and then some, so the claimers really run at the same time.
  pool = createDatabase(testDb.url, { maxConnections: 60 });
  team = await seedProjectTeam(testDb.db);
});
afterAll(async () => {
  await pool?.destroy();
});

const actorOf = (person: { id: string }) => ({ projectId: team.project.id, userId: person.id });

/** Claims and submits until the queue has nothing left for this person; a busy moment is retried. */
async function reviewUntilDone(person: { id: string }, queueId: string, verdict = "helpful"): Promise<number> {
  let submitted = 0;
  for (;;) {
    const task = await claimNext(pool, actorOf(person), { queueId }).catch((error: unknown) => {
      if (error instanceof ConflictError) return "busy" as const;
      throw error;
    });
    if (task === null) return submitted;
    if (task === "busy") continue;
    await submitAnnotation(pool, actorOf(person), { assignmentId: task.assignment.id, values: { verdict } });
    submitted += 1;
  }
}

/** Every counter on every item of the queue matches the assignments behind it. */
async function expectCountersConsistent(queueId: string) {
  const { rows } = await sql<{ id: number }>`
    select qi.id from queue_items qi
    where qi.queue_id = ${queueId} and (
      qi.assigned_count <> (select count(*) from assignments a where a.queue_item_id = qi.id and a.state in ('active', 'submitted'))
      or qi.submitted_count <> (select count(*) from assignments a where a.queue_item_id = qi.id and a.state = 'submitted')
    )
  `.execute(testDb.db);
  expect(rows).toEqual([]);
}

describe("claiming under concurrency", () => {
  it("50 concurrent claimers never over-assign or double-assign, and every item ends with exactly 3 answers", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 3 });
    await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 200 });
    const annotators = await seedReviewers(testDb.db, { projectId: team.project.id, count: 50 });

    const perAnnotator = await Promise.all(annotators.map((annotator) => reviewUntilDone(annotator, queue.id)));
    expect(perAnnotator.reduce((sum, count) => sum + count, 0)).toBe(600);

    const overAssigned = await sql`
      select queue_item_id from assignments where queue_id = ${queue.id} group by queue_item_id having count(distinct annotator_id) > 3
    `.execute(testDb.db);
    expect(overAssigned.rows).toEqual([]);
    const doubled = await sql`
      select queue_item_id, annotator_id from annotations where queue_item_id in (select id from queue_items where queue_id = ${queue.id})
      group by queue_item_id, annotator_id having count(*) > 1
    `.execute(testDb.db);
    expect(doubled.rows).toEqual([]);
    const items = await testDb.db.selectFrom("queue_items").select(["state", "assigned_count", "submitted_count"]).where("queue_id", "=", queue.id).execute();
    expect(items).toHaveLength(200);
    expect(items.every((item) => item.submitted_count === 3 && item.assigned_count === 3 && item.state === "resolved")).toBe(true);
    const gold = await testDb.db.selectFrom("gold_labels").select(({ fn }) => fn.countAll<number>().as("count")).where("queue_id", "=", queue.id).executeTakeFirstOrThrow();
    expect(Number(gold.count)).toBe(200);
    await expectCountersConsistent(queue.id);
  });

  it("keeps counters exact when one person claims from three tabs at once", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 3 });
    await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 40 });
    const annotators = await seedReviewers(testDb.db, { projectId: team.project.id, count: 8 });
    await Promise.all(annotators.flatMap((annotator) => [1, 2, 3].map(() => reviewUntilDone(annotator, queue.id))));
    const items = await testDb.db.selectFrom("queue_items").select(["submitted_count"]).where("queue_id", "=", queue.id).execute();
    expect(items.every((item) => item.submitted_count === 3)).toBe(true);
    await expectCountersConsistent(queue.id);
  });

  it("with adaptive overlap, gives each item at most k plus its extra seats, and never more than K, under 24 concurrent claimers", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 2 });
    await testDb.db.updateTable("queues").set({ max_overlap: 4 }).where("id", "=", queue.id).execute();
    await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 60 });
    const annotators = await seedReviewers(testDb.db, { projectId: team.project.id, count: 24 });
    const verdicts = ["helpful", "harmful", "off_topic"];

    const countOpen = async () =>
      (await testDb.db.selectFrom("queue_items").select("id").where("queue_id", "=", queue.id).where("state", "in", ["pending", "in_review"]).execute()).length;
    // An annotator who found nothing left can miss a seat granted a moment later; another round picks it up.
    for (let round = 0; round < 5 && (await countOpen()) > 0; round += 1) {
      await Promise.all(annotators.map((annotator, index) => reviewUntilDone(annotator, queue.id, verdicts[index % verdicts.length])));
    }

    const items = await testDb.db
      .selectFrom("queue_items")
      .select(["id", "state", "assigned_count", "submitted_count", "extra_seats"])
      .where("queue_id", "=", queue.id)
      .execute();
    expect(items).toHaveLength(60);
    for (const item of items) {
      expect(item.submitted_count).toBe(2 + item.extra_seats);
      expect(item.extra_seats).toBeLessThanOrEqual(2);
      expect(["resolved", "conflict"]).toContain(item.state);
    }
    // The mix of answers makes some items ask for more annotators: the test exercises extra seats.
    expect(items.some((item) => item.extra_seats > 0)).toBe(true);
    const overAssigned = await sql`
      select a.queue_item_id from assignments a join queue_items qi on qi.id = a.queue_item_id
      where a.queue_id = ${queue.id} group by a.queue_item_id, qi.extra_seats having count(distinct a.annotator_id) > 2 + qi.extra_seats
    `.execute(testDb.db);
    expect(overAssigned.rows).toEqual([]);
    await expectCountersConsistent(queue.id);
  });

  it("never counts a claim that lost its item to the same person's concurrent claim", async () => {
    // Thirty claims at once by one person race for the same head items: a claim whose snapshot predates
    // another's commit reaches an item that person now holds, and must neither assign nor count it.
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 3 });
    await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 100 });
    const [person] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 1 });
    const params = { projectId: team.project.id, queueId: queue.id, userId: person!.id, overlap: 3, leaseSeconds: 600 };
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const kinds: string[] = [];
        for (let kind = ""; kind !== "empty"; ) {
          kind = (await claimQueueItem(pool, params)).kind;
          kinds.push(kind);
        }
        return kinds;
      }),
    );
    expect(outcomes.flat().filter((kind) => kind === "claimed")).toHaveLength(100);
    await expectCountersConsistent(queue.id);
  });
});

describe("leases", () => {
  const expireLease = (assignmentId: number) =>
    testDb.db.updateTable("assignments").set({ lease_expires_at: sql`now() - interval '1 minute'` }).where("id", "=", assignmentId).execute();

  it("returns an expired lease's item to the pool, and then refuses the late heartbeat and submit", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 1 });
    await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
    const [first, second] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 2 });
    const claimed = await claimNext(pool, actorOf(first!), { queueId: queue.id });
    expect(claimed).not.toBeNull();
    await expect(claimNext(pool, actorOf(second!), { queueId: queue.id })).resolves.toBeNull();

    await expireLease(claimed!.assignment.id);
    const taken = await claimNext(pool, actorOf(second!), { queueId: queue.id });
    expect(taken?.assignment.queueItemId).toBe(claimed!.assignment.queueItemId);
    await expect(heartbeat(pool, actorOf(first!), claimed!.assignment.id)).rejects.toThrow(InvalidStateError);
    await expect(submitAnnotation(pool, actorOf(first!), { assignmentId: claimed!.assignment.id, values: { verdict: "helpful" } })).rejects.toThrow(
      "your lease expired and the item was given to someone else",
    );
    await expectCountersConsistent(queue.id);
  });

  it("lets an annotator whose lease expired submit while the item still has room, or claim it again", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 2 });
    const [item] = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
    const [late, again] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 2 });

    const lateTask = await claimNext(pool, actorOf(late!), { queueId: queue.id });
    await expireLease(lateTask!.assignment.id);
    expect(await reapAllExpiredLeases(pool)).toBeGreaterThanOrEqual(1);
    expect(await testDb.db.selectFrom("queue_items").select(["state", "assigned_count"]).where("id", "=", item!.id).executeTakeFirst()).toEqual({ state: "pending", assigned_count: 0 });
    const result = await submitAnnotation(pool, actorOf(late!), { assignmentId: lateTask!.assignment.id, values: { verdict: "helpful" } });
    expect(result).toMatchObject({ alreadySubmitted: false, itemState: "in_review" });

    const againTask = await claimNext(pool, actorOf(again!), { queueId: queue.id });
    await expireLease(againTask!.assignment.id);
    const reclaimed = await claimNext(pool, actorOf(again!), { queueId: queue.id });
    expect(reclaimed?.assignment).toMatchObject({ id: againTask!.assignment.id, state: "active" });
    expect(reclaimed!.assignment.leaseExpiresAt.getTime()).toBeGreaterThan(Date.now());
    await expectCountersConsistent(queue.id);
  });

  it("are reaped every minute by a job", async () => {
    const runner = await startJobRunner({ connectionString: testDb.url, db: testDb.db, log: { error: () => {}, warn: () => {} } });
    try {
      await expect(runner.boss.getSchedules(LEASE_REAPER_JOB)).resolves.toEqual([expect.objectContaining({ cron: "* * * * *" })]);
    } finally {
      await runner.stop();
    }
  });

  it("extends an active lease on heartbeat", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 1, leaseSeconds: 60 });
    await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
    const [person] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 1 });
    const task = await claimNext(pool, actorOf(person!), { queueId: queue.id });
    await testDb.db.updateTable("assignments").set({ lease_expires_at: sql`now() + interval '5 seconds'` }).where("id", "=", task!.assignment.id).execute();
    const { leaseExpiresAt } = await heartbeat(pool, actorOf(person!), task!.assignment.id);
    expect(leaseExpiresAt.getTime() - Date.now()).toBeGreaterThan(50_000);
  });
});

describe("skipping", () => {
  it("never offers a skipped item again, and takes an item nobody answered out after 3 skips", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 1 });
    const [item] = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
    const skippers = await seedReviewers(testDb.db, { projectId: team.project.id, count: 4 });
    for (const skipper of skippers.slice(0, 3)) {
      const task = await claimNext(pool, actorOf(skipper), { queueId: queue.id });
      expect(task?.assignment.queueItemId).toBe(item!.id);
      await skipAssignment(pool, actorOf(skipper), { assignmentId: task!.assignment.id, reason: "unclear" });
      await skipAssignment(pool, actorOf(skipper), { assignmentId: task!.assignment.id, reason: "unclear" });
      await expect(claimNext(pool, actorOf(skipper), { queueId: queue.id })).resolves.toBeNull();
    }
    const state = await testDb.db.selectFrom("queue_items").select(["state", "skipped_count", "assigned_count"]).where("id", "=", item!.id).executeTakeFirst();
    expect(state).toEqual({ state: "skipped_out", skipped_count: 3, assigned_count: 0 });
    await expect(claimNext(pool, actorOf(skippers[3]!), { queueId: queue.id })).resolves.toBeNull();
  });
});

describe("deleting a user", () => {
  it("deletes their assignments, as the foreign key's cascade did before a trigger took its place", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 2 });
    await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 2 });
    const [leaving, staying] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 2 });
    for (const person of [leaving!, staying!]) expect(await claimNext(pool, actorOf(person), { queueId: queue.id })).not.toBeNull();
    await testDb.db.deleteFrom("users").where("id", "=", leaving!.id).execute();
    const left = await testDb.db.selectFrom("assignments").select("annotator_id as annotatorId").where("queue_id", "=", queue.id).execute();
    expect(left).toEqual([{ annotatorId: staying!.id }]);
  });
});
