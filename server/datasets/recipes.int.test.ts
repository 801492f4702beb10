import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedGold, seedQueue, VERDICT_FIELD, VERDICT_LABEL_SCHEMA } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { publishAndWait } from "./testing";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const ml = () => createCaller(createInnerContext({ db: testDb.db, user: team.members.ml }));
const projectId = () => team.project.id;

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

/** External ids of the rows the dataset's first release froze. */
async function publishedIds(datasetId: string) {
  await publishAndWait(testDb.db, ml(), { projectId: projectId(), datasetId });
  const rows = await testDb.db
    .selectFrom("release_rows")
    .innerJoin("dataset_releases", "dataset_releases.id", "release_rows.release_id")
    .select("release_rows.external_id as externalId")
    .where("dataset_releases.dataset_id", "=", datasetId)
    .orderBy("release_rows.position")
    .execute();
  return rows.map((row) => row.externalId).sort();
}

const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;

describe("dataset recipes", () => {
  it("takes only gold whose label is among the allowed values", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId() });
    const helpful = await seedGold(testDb.db, { projectId: projectId(), queueId: queue.id, label: "helpful", externalId: unique("helpful") });
    const harmful = await seedGold(testDb.db, { projectId: projectId(), queueId: queue.id, label: "harmful", externalId: unique("harmful") });
    await seedGold(testDb.db, { projectId: projectId(), queueId: queue.id, label: "off_topic", externalId: unique("off") });
    const { id } = await ml().datasets.create({ projectId: projectId(), name: unique("labels"), queueIds: [queue.id], labelFilters: { verdict: ["helpful", "harmful"] } });
    const ids = await publishedIds(id);
    const external = await testDb.db.selectFrom("outputs").select("external_id").where("id", "in", [helpful.outputId, harmful.outputId]).execute();
    expect(ids).toEqual(external.map((row) => row.external_id).sort());
  });

  it("takes only gold at or above the minimum confidence, of the dataset's queues", async () => {
    const [queue, other] = [await seedQueue(testDb.db, { projectId: projectId() }), await seedQueue(testDb.db, { projectId: projectId() })];
    const sure = unique("sure");
    await seedGold(testDb.db, { projectId: projectId(), queueId: queue.id, label: "helpful", externalId: sure, confidence: 0.9 });
    await seedGold(testDb.db, { projectId: projectId(), queueId: queue.id, label: "helpful", externalId: unique("unsure"), confidence: 0.6 });
    await seedGold(testDb.db, { projectId: projectId(), queueId: other.id, label: "helpful", externalId: unique("elsewhere"), confidence: 1 });
    const { id } = await ml().datasets.create({ projectId: projectId(), name: unique("confident"), queueIds: [queue.id], minConfidence: 0.8 });
    expect(await publishedIds(id)).toEqual([sure]);
  });

  it("takes only gold decided in the time range (start included, end excluded)", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId() });
    const at = async (externalId: string, createdAt: string) => {
      const gold = await seedGold(testDb.db, { projectId: projectId(), queueId: queue.id, label: "helpful", externalId });
      await testDb.db.updateTable("gold_labels").set({ created_at: new Date(createdAt) }).where("id", "=", gold.goldLabelId).execute();
    };
    const [before, start, inside, end] = [unique("before"), unique("start"), unique("inside"), unique("end")];
    await at(before, "2026-10-31T23:59:59Z");
    await at(start, "2026-11-01T00:00:00Z");
    await at(inside, "2026-11-15T12:00:00Z");
    await at(end, "2026-12-01T00:00:00Z");
    const { id } = await ml().datasets.create({
      projectId: projectId(),
      name: unique("november"),
      queueIds: [queue.id],
      goldFrom: new Date("2026-11-01T00:00:00Z"),
      goldUntil: new Date("2026-12-01T00:00:00Z"),
    });
    expect(await publishedIds(id)).toEqual([start, inside].sort());
    await expect(
      ml().datasets.create({ projectId: projectId(), name: unique("backwards"), queueIds: [queue.id], goldFrom: new Date("2026-12-01"), goldUntil: new Date("2026-11-01") }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("the end of the time range must be after its start") });
  });

  it("needs a correction when asked to, and allows the original otherwise", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId() });
    const corrected = unique("corrected");
    const original = unique("original");
    await seedGold(testDb.db, { projectId: projectId(), queueId: queue.id, label: "harmful", externalId: corrected, correction: "Refunds take 3 days." });
    await seedGold(testDb.db, { projectId: projectId(), queueId: queue.id, label: "helpful", externalId: original });
    const strict = await ml().datasets.create({ projectId: projectId(), name: unique("strict"), queueIds: [queue.id], correctionMode: "require_correction" });
    const lenient = await ml().datasets.create({ projectId: projectId(), name: unique("lenient"), queueIds: [queue.id], correctionMode: "allow_original" });
    expect(await publishedIds(strict.id)).toEqual([corrected]);
    expect(await publishedIds(lenient.id)).toEqual([corrected, original].sort());
  });

  it("refuses filters on fields or values the queues do not have, naming the field", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId() });
    await expect(ml().datasets.create({ projectId: projectId(), name: unique("x"), queueIds: [queue.id], labelFilters: { tone: ["calm"] } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "labelFilters.tone" },
    });
    await expect(ml().datasets.create({ projectId: projectId(), name: unique("x"), queueIds: [queue.id], labelFilters: { verdict: ["great"] } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('"great" is not an option of this field'),
    });
    await expect(ml().datasets.create({ projectId: projectId(), name: unique("x"), queueIds: [queue.id], splitTrain: 0.5 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("must add up to 1"),
    });
    await expect(ml().datasets.create({ projectId: projectId(), name: unique("x"), queueIds: [queue.id], splitKey: "metadata" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("name the metadata key"),
    });
  });

  it("warns when the queues' label schemas differ", async () => {
    const same = [await seedQueue(testDb.db, { projectId: projectId() }), await seedQueue(testDb.db, { projectId: projectId() })];
    const different = await seedQueue(testDb.db, { projectId: projectId(), labelSchema: { ...VERDICT_LABEL_SCHEMA, fields: [{ ...VERDICT_FIELD, options: VERDICT_FIELD.options.slice(0, 2) }] } });
    const matching = await ml().datasets.create({ projectId: projectId(), name: unique("same"), queueIds: same.map((queue) => queue.id) });
    const mixed = await ml().datasets.create({ projectId: projectId(), name: unique("mixed"), queueIds: [same[0]!.id, different.id] });
    expect((await ml().datasets.get({ projectId: projectId(), datasetId: matching.id })).hasMixedLabelSchemas).toBe(false);
    expect((await ml().datasets.get({ projectId: projectId(), datasetId: mixed.id })).hasMixedLabelSchemas).toBe(true);
  });

  it("edits the recipe, but fixes the split rule once a release exists", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId() });
    const other = await seedQueue(testDb.db, { projectId: projectId() });
    await seedGold(testDb.db, { projectId: projectId(), queueId: queue.id, label: "helpful" });
    const name = unique("editable");
    const { id } = await ml().datasets.create({ projectId: projectId(), name, queueIds: [queue.id] });
    const edit = { projectId: projectId(), datasetId: id, name, queueIds: [queue.id, other.id], minConfidence: 0.5, labelFilters: { verdict: ["helpful"] } };
    await ml().datasets.update({ ...edit, splitTrain: 0.6, splitValidation: 0.2, splitTest: 0.2 });
    expect(await ml().datasets.get({ projectId: projectId(), datasetId: id })).toMatchObject({
      minConfidence: 0.5,
      labelFilters: { verdict: ["helpful"] },
      splitTrain: 0.6,
      isSplitLocked: false,
      queues: expect.arrayContaining([expect.objectContaining({ id: other.id })]),
    });
    await publishAndWait(testDb.db, ml(), { projectId: projectId(), datasetId: id });
    await expect(ml().datasets.update({ ...edit, splitTrain: 0.8, splitValidation: 0.1, splitTest: 0.1 })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      cause: { field: "splitTrain" },
    });
    await expect(ml().datasets.update({ ...edit, minConfidence: 0.9, splitTrain: 0.6, splitValidation: 0.2, splitTest: 0.2 })).resolves.toMatchObject({ id });
    const audits = await testDb.db.selectFrom("audit_log").select("action").where("target_id", "=", id).where("action", "=", "dataset.updated").execute();
    expect(audits).toHaveLength(2);
    // A release records the recipe it was built with.
    const recorded = await sql<{ recipe: { minConfidence: number } }>`select recipe from dataset_releases where dataset_id = ${id}`.execute(testDb.db);
    expect(recorded.rows[0]?.recipe.minConfidence).toBe(0.5);
  });
});
