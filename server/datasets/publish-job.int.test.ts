import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { replaceGold, seedGold, seedManyGold, seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { startJobRunner } from "@/server/jobs/runner";
import { runReleasePublication } from "./publish-job";
import { findReleaseForPull } from "./service";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const ml = () => createCaller(createInnerContext({ db: testDb.db, user: team.members.ml }));
const projectId = () => team.project.id;
const silentLog = { error: () => {}, warn: () => {} };

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

/** A dataset over a fresh queue holding `count` gold rows; its slug is `name`. */
async function datasetWithGold(name: string, count: number) {
  const queue = await seedQueue(testDb.db, { projectId: projectId() });
  await seedManyGold(testDb.db, { projectId: projectId(), queueId: queue.id, count, prefix: `${name}-` });
  const { id, slug } = await ml().datasets.create({ projectId: projectId(), name, queueIds: [queue.id] });
  return { datasetId: id, slug, queueId: queue.id };
}

const releaseState = (datasetId: string, number: number) =>
  testDb.db
    .selectFrom("dataset_releases")
    .select(["id", "status", "rows_frozen as rowsFrozen", "rows_expected as rowsExpected", "row_count as rowCount", "error"])
    .where("dataset_id", "=", datasetId)
    .where("number", "=", number)
    .executeTakeFirstOrThrow();

describe("publishing as a job", () => {
  it("queues at once with its number, freezes in batches with progress, and is invisible to pulls until published", async () => {
    const { datasetId, slug } = await datasetWithGold("progress", 1_200);
    const queued = await ml().datasets.publish({ projectId: projectId(), datasetId, notes: "nightly" });
    expect(queued).toMatchObject({ number: 1, status: "queued", statusPath: `/api/v1/datasets/${slug}/releases/1/status` });
    expect(await releaseState(datasetId, 1)).toMatchObject({ status: "queued", rowsFrozen: 0, rowsExpected: null });

    const seen: { rowsFrozen: number; rowsExpected: number; status: string; isPullable: boolean }[] = [];
    const outcome = await runReleasePublication(testDb.db, { projectId: projectId(), releaseId: queued.releaseId }, {
      batchSize: 500,
      onProgress: async (progress) => {
        const state = await releaseState(datasetId, 1);
        const isPullable = await findReleaseForPull(testDb.db, { projectId: projectId(), slug, release: "latest" }).then(
          () => true,
          () => false,
        );
        seen.push({ ...progress, status: state.status, isPullable });
      },
    });
    expect(outcome).toBe("published");
    expect(seen.map(({ rowsFrozen, rowsExpected }) => [rowsFrozen, rowsExpected])).toEqual([
      [500, 1_200],
      [1_000, 1_200],
      [1_200, 1_200],
    ]);
    expect(seen.every((step) => step.status === "publishing" && !step.isPullable)).toBe(true);
    expect(await releaseState(datasetId, 1)).toMatchObject({ status: "published", rowsFrozen: 1_200, rowCount: 1_200, error: null });
    await expect(findReleaseForPull(testDb.db, { projectId: projectId(), slug, release: "latest" })).resolves.toMatchObject({ number: 1, rowCount: 1_200 });
    const leftovers = await testDb.db.selectFrom("release_candidates").select("position").where("release_id", "=", queued.releaseId).execute();
    expect(leftovers).toEqual([]);
  });

  it("freezes the rows eligible when the job started, even if gold changes while it runs", async () => {
    const { datasetId, queueId } = await datasetWithGold("snapshot", 20);
    const queued = await ml().datasets.publish({ projectId: projectId(), datasetId });
    const last = await testDb.db.selectFrom("gold_labels").select(["id", "values"]).where("queue_id", "=", queueId).orderBy("id", "desc").executeTakeFirstOrThrow();
    let hasChanged = false;
    await runReleasePublication(testDb.db, { projectId: projectId(), releaseId: queued.releaseId }, {
      batchSize: 5,
      onProgress: async () => {
        if (hasChanged) return;
        hasChanged = true;
        await replaceGold(testDb.db, last.id, { label: "changed mid-job" });
        await seedGold(testDb.db, { projectId: projectId(), queueId, label: "helpful", externalId: "arrived-mid-job" });
      },
    });
    const rows = await testDb.db.selectFrom("release_rows").select(["external_id", "label", "gold_label_id"]).where("release_id", "=", queued.releaseId).execute();
    expect(rows).toHaveLength(20);
    expect(rows.find((row) => row.gold_label_id === last.id)?.label).toEqual(last.values);
    expect(rows.some((row) => row.external_id === "arrived-mid-job")).toBe(false);
  });

  it("marks a release failed with a sentence (never the database's message), and a retry resumes it to a whole release", async () => {
    const { datasetId } = await datasetWithGold("flaky", 1_000);
    const queued = await ml().datasets.publish({ projectId: projectId(), datasetId });
    // A real failure from Postgres partway through: rows past 600 of this release cannot be written.
    await sql`
      create function refuse_late_rows() returns trigger language plpgsql as $$
      begin
        if new.release_id = ${sql.lit(queued.releaseId)} and new.position > 600 then raise exception 'disk quota exceeded'; end if;
        return new;
      end $$
    `.execute(testDb.db);
    await sql`create trigger refuse_late_rows before insert on release_rows for each row execute function refuse_late_rows()`.execute(testDb.db);
    expect(await runReleasePublication(testDb.db, { projectId: projectId(), releaseId: queued.releaseId }, { batchSize: 300 })).toBe("failed");
    const failed = await releaseState(datasetId, 1);
    expect(failed).toMatchObject({ status: "failed", rowsFrozen: 600, rowsExpected: 1_000 });
    expect(failed.error).toMatch(/^publishing stopped unexpectedly \(logged under request id [0-9a-f-]{36}\); retry it$/);
    await expect(ml().datasets.releaseRows({ projectId: projectId(), datasetId, release: 1 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // A new release waits for this one: it is not done, but it is not in the way either, so a retry is the way on.
    await expect(ml().datasets.retryRelease({ projectId: projectId(), datasetId, release: 2 })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await sql`drop trigger refuse_late_rows on release_rows`.execute(testDb.db);
    await sql`drop function refuse_late_rows()`.execute(testDb.db);
    await expect(ml().datasets.retryRelease({ projectId: projectId(), datasetId, release: 1 })).resolves.toEqual({ number: 1, status: "queued" });
    expect(await runReleasePublication(testDb.db, { projectId: projectId(), releaseId: queued.releaseId }, { batchSize: 300 })).toBe("published");
    expect(await releaseState(datasetId, 1)).toMatchObject({ status: "published", rowsFrozen: 1_000, rowCount: 1_000, error: null });
    const positions = await sql<{ count: number; distinct: number; max: number }>`
      select count(*)::int as count, count(distinct gold_label_id)::int as distinct, max(position) as max from release_rows where release_id = ${queued.releaseId}
    `.execute(testDb.db);
    expect(positions.rows[0]).toEqual({ count: 1_000, distinct: 1_000, max: 1_000 });
    await expect(ml().datasets.retryRelease({ projectId: projectId(), datasetId, release: 1 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const audits = await testDb.db.selectFrom("audit_log").select("action").where("target_id", "=", datasetId).where("action", "like", "release.%").orderBy("id").execute();
    expect(audits.map((audit) => audit.action)).toEqual(["release.requested", "release.retried", "release.published"]);
  });

  it("runs on the pg-boss worker: a request only queues, and the release turns published by itself", async () => {
    const { datasetId } = await datasetWithGold("worker", 300);
    const runner = await startJobRunner({ connectionString: testDb.url, db: testDb.db, log: silentLog });
    try {
      const queued = await ml().datasets.publish({ projectId: projectId(), datasetId });
      await expect.poll(async () => (await ml().datasets.get({ projectId: projectId(), datasetId })).releases[0]?.status, { timeout: 20_000 }).toBe("published");
      expect(await releaseState(datasetId, queued.number)).toMatchObject({ rowCount: 300, rowsFrozen: 300, rowsExpected: 300 });
    } finally {
      await runner.stop();
    }
  });

  it("sweeps up a release queued while no worker ran", async () => {
    const { datasetId } = await datasetWithGold("orphan", 10);
    const { releaseId } = await ml().datasets.publish({ projectId: projectId(), datasetId });
    expect((await releaseState(datasetId, 1)).status).toBe("queued");
    const runner = await startJobRunner({ connectionString: testDb.url, db: testDb.db, log: silentLog });
    try {
      await expect.poll(async () => (await releaseState(datasetId, 1)).status, { timeout: 20_000 }).toBe("published");
      expect(releaseId).toBe((await releaseState(datasetId, 1)).id);
    } finally {
      await runner.stop();
    }
  });
});
