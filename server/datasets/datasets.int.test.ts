import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { replaceGold, seedGold, seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { publishAndWait } from "./testing";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const as = (role: "annotator" | "lead" | "ml" | "admin") => createCaller(createInnerContext({ db: testDb.db, user: team.members[role] }));
const projectId = () => team.project.id;

async function releaseRows(releaseNumber: number, datasetId: string) {
  return testDb.db
    .selectFrom("release_rows")
    .innerJoin("dataset_releases", "dataset_releases.id", "release_rows.release_id")
    .select(["release_rows.position", "release_rows.external_id as externalId", "release_rows.label", "release_rows.correction", "release_rows.release_id as releaseId"])
    .where("dataset_releases.dataset_id", "=", datasetId)
    .where("dataset_releases.number", "=", releaseNumber)
    .orderBy("release_rows.position")
    .execute();
}

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

describe("creating datasets", () => {
  it("derives the slug from the name, links the queues and audits", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId() });
    const created = await as("ml").datasets.create({ projectId: projectId(), name: "Support Triage (EU)", queueIds: [queue.id, queue.id] });
    expect(created.slug).toBe("support-triage-eu");
    const dataset = await as("lead").datasets.get({ projectId: projectId(), datasetId: created.id });
    expect(dataset).toMatchObject({ name: "Support Triage (EU)", minConfidence: 0, queues: [{ id: queue.id }], releases: [], eligibleRows: 0 });
    expect(dataset.pullPath).toBe("/api/v1/datasets/support-triage-eu/releases/latest");
    const audit = await testDb.db.selectFrom("audit_log").select(["action", "target_id"]).where("action", "=", "dataset.created").execute();
    expect(audit).toEqual([{ action: "dataset.created", target_id: created.id }]);
  });

  it("refuses queues of another project and taken slugs, naming the field", async () => {
    const other = await seedProjectTeam(testDb.db);
    const foreign = await seedQueue(testDb.db, { projectId: other.project.id });
    const own = await seedQueue(testDb.db, { projectId: projectId() });
    await expect(as("ml").datasets.create({ projectId: projectId(), name: "Mixed", queueIds: [own.id, foreign.id] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "queueIds" },
    });
    await as("admin").datasets.create({ projectId: projectId(), name: "Taken", slug: "taken", queueIds: [own.id] });
    await expect(as("ml").datasets.create({ projectId: projectId(), name: "Taken", queueIds: [own.id] })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { field: "slug" },
    });
    // Slugs are unique per project only.
    const otherMl = createCaller(createInnerContext({ db: testDb.db, user: other.members.ml }));
    await expect(otherMl.datasets.create({ projectId: other.project.id, name: "Taken", queueIds: [foreign.id] })).resolves.toMatchObject({ slug: "taken" });
  });

  it("lets leads read but only ml and admins write", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId() });
    await expect(as("lead").datasets.create({ projectId: projectId(), name: "No", queueIds: [queue.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("annotator").datasets.list({ projectId: projectId() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("lead").datasets.list({ projectId: projectId() })).resolves.toBeInstanceOf(Array);
  });
});

describe("publishing releases", () => {
  it("numbers releases 1, 2, …, one being built at a time even when requested concurrently, and refuses an empty release", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId() });
    const { id: datasetId } = await as("ml").datasets.create({ projectId: projectId(), name: "Numbers", queueIds: [queue.id] });
    await expect(as("ml").datasets.publish({ projectId: projectId(), datasetId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await seedGold(testDb.db, { projectId: projectId(), queueId: queue.id, label: "good" });
    const first = await publishAndWait(testDb.db, as("ml"), { projectId: projectId(), datasetId, notes: "first cut" });
    expect(first).toEqual({ number: 1, status: "published", rowCount: 1, changelog: { added: 1, removed: 0, relabelled: 0 }, error: null });
    const concurrent = await Promise.allSettled([1, 2, 3].map(() => as("admin").datasets.publish({ projectId: projectId(), datasetId })));
    const queued = concurrent.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value.number] : []));
    expect(queued).toEqual([2]);
    expect(concurrent.filter((outcome) => outcome.status === "rejected").map((outcome) => (outcome as PromiseRejectedResult).reason)).toEqual([
      expect.objectContaining({ code: "CONFLICT", message: "release 2 is still queued; publish again once it is done" }),
      expect.objectContaining({ code: "CONFLICT" }),
    ]);
    const { releases } = await as("lead").datasets.get({ projectId: projectId(), datasetId });
    expect(releases.map((release) => [release.number, release.status])).toEqual([
      [2, "queued"],
      [1, "published"],
    ]);
    expect(releases[1]).toMatchObject({ notes: "first cut", publishedByName: team.members.ml.name, rowCount: 1 });
    const audited = await testDb.db.selectFrom("audit_log").select("data").where("action", "=", "release.published").where("target_id", "=", datasetId).execute();
    expect(audited).toHaveLength(1);
  });

  it("freezes rows: later gold changes show in the next release's changelog, never in the published one", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId() });
    const { id: datasetId } = await as("ml").datasets.create({ projectId: projectId(), name: "Frozen", queueIds: [queue.id], minConfidence: 0.6 });
    const gold = async (externalId: string, label: string, confidence = 1) => seedGold(testDb.db, { projectId: projectId(), queueId: queue.id, externalId, label, confidence });
    await gold("kept", "good");
    const relabelled = await gold("relabelled", "good");
    const corrected = await gold("corrected", "bad");
    const dropped = await gold("dropped", "bad");
    const reResolved = await gold("re-resolved", "good");
    await gold("unsure", "good", 0.5);
    expect((await as("lead").datasets.get({ projectId: projectId(), datasetId })).eligibleRows).toBe(5);
    await publishAndWait(testDb.db, as("ml"), { projectId: projectId(), datasetId });
    const releaseOne = await releaseRows(1, datasetId);
    expect(releaseOne.map((row) => row.externalId)).toEqual(["kept", "relabelled", "corrected", "dropped", "re-resolved"]);
    expect(releaseOne.map((row) => row.position)).toEqual([1, 2, 3, 4, 5]);

    await replaceGold(testDb.db, relabelled.goldLabelId, { label: "bad" });
    await replaceGold(testDb.db, corrected.goldLabelId, { label: "bad", correction: "a better answer" });
    await replaceGold(testDb.db, dropped.goldLabelId, { label: "bad", confidence: 0.55 });
    await replaceGold(testDb.db, reResolved.goldLabelId, { label: "good", method: "adjudicated" });
    await gold("new", "good");
    const pending = await as("lead").datasets.get({ projectId: projectId(), datasetId });
    expect(pending).toMatchObject({ eligibleRows: 5, nextReleaseNumber: 2, pendingChanges: { added: 1, removed: 1, relabelled: 2 } });

    const two = await publishAndWait(testDb.db, as("ml"), { projectId: projectId(), datasetId });
    expect(two).toMatchObject({ number: 2, rowCount: 5, changelog: { added: 1, removed: 1, relabelled: 2 } });
    expect(await releaseRows(1, datasetId)).toEqual(releaseOne);
    expect(releaseOne.find((row) => row.externalId === "relabelled")?.label).toEqual({ verdict: "good" });
    const releaseTwo = await releaseRows(2, datasetId);
    expect(releaseTwo.map((row) => row.externalId)).toEqual(["kept", "relabelled", "corrected", "re-resolved", "new"]);
    expect(releaseTwo.find((row) => row.externalId === "corrected")?.correction).toBe("a better answer");
  });

  it("keeps release rows immutable in the database itself", async () => {
    const row = await testDb.db.selectFrom("release_rows").select(["release_id", "position"]).limit(1).executeTakeFirstOrThrow();
    await expect(sql`update release_rows set label = '{}'::jsonb where release_id = ${row.release_id} and position = ${row.position}`.execute(testDb.db)).rejects.toThrow(/immutable/);
    await expect(sql`delete from release_rows where release_id = ${row.release_id}`.execute(testDb.db)).rejects.toThrow(/immutable/);
  });

  it("counts a dataset's eligible rows and latest release in the list", async () => {
    const datasets = await as("lead").datasets.list({ projectId: projectId() });
    expect(datasets.find((dataset) => dataset.slug === "frozen")).toMatchObject({ eligibleRows: 5, latestRelease: { number: 2, rowCount: 5 } });
    expect(datasets.find((dataset) => dataset.slug === "taken")).toMatchObject({ latestRelease: null, eligibleRows: 0, queueNames: [expect.any(String)] });
  });
});

describe("label versions in a release", () => {
  it("names the queues whose rows were labelled under more than one version of their label", async () => {
    const [mixed, steady] = [await seedQueue(testDb.db, { projectId: projectId(), name: "Mixed" }), await seedQueue(testDb.db, { projectId: projectId(), name: "Steady" })];
    const mixedGold = [];
    for (let index = 0; index < 3; index += 1) mixedGold.push(await seedGold(testDb.db, { projectId: projectId(), queueId: mixed.id, label: "helpful" }));
    await seedGold(testDb.db, { projectId: projectId(), queueId: steady.id, label: "helpful" });
    // The lead edited Mixed's label after its first gold: the last two were decided under version 2.
    const labelSchema = (await as("lead").queues.get({ projectId: projectId(), queueId: mixed.id })).labelSchema;
    await as("lead").queues.updateLabelSchema({ projectId: projectId(), queueId: mixed.id, labelSchema: { ...labelSchema, allowNote: !labelSchema.allowNote } });
    await testDb.db.updateTable("gold_labels").set({ schema_version: 2 }).where("id", "in", [mixedGold[1]!.goldLabelId, mixedGold[2]!.goldLabelId]).execute();

    const { id: datasetId } = await as("ml").datasets.create({ projectId: projectId(), name: "Versions", queueIds: [mixed.id, steady.id] });
    await publishAndWait(testDb.db, as("ml"), { projectId: projectId(), datasetId });
    expect(await as("ml").datasets.mixedLabelVersions({ projectId: projectId(), datasetId, release: 1 })).toEqual([
      { queueId: mixed.id, queueName: "Mixed", versions: [{ version: 1, rows: 1 }, { version: 2, rows: 2 }] },
    ]);
  });
});
