import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteEndUser } from "@/app/api/v1/end-users/[endUserId]/route";
import { GET as pullRelease } from "@/app/api/v1/datasets/[slug]/releases/[release]/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "@/server/api-keys/service";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { runCliCaptured } from "@/server/cli/test-support";
import { buildCollabDocumentName, correctionDocumentKey, goldDocumentKey, sharedDocumentKey } from "@/server/collab/schema";
import { publishAndWait } from "@/server/datasets/testing";
import { ingestOutputs } from "@/server/ingest/service";
import { ingestSignals } from "@/server/ingest/signals-service";
import { buildOutputItem } from "@/server/ingest/test-fixtures";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
type Person = { id: string; email: string; name: string; isInstanceAdmin: boolean };
const callerFor = (user: Person) => createCaller(createInnerContext({ db: testDb.db, user }));
const as = (role: "annotator" | "lead" | "ml" | "admin") => callerFor(team.members[role]);
const projectId = () => team.project.id;

/** Rows per table that still belong to these outputs (or, for signals, to this end user). */
async function countLeftovers(outputIds: number[], endUserId: string) {
  const { rows } = await sql<Record<string, number>>`
    select
      (select count(*) from outputs where id = any(${outputIds}::bigint[]))::int as outputs,
      (select count(*) from signals where output_id = any(${outputIds}::bigint[]) or end_user_id = ${endUserId})::int as signals,
      (select count(*) from queue_items where output_id = any(${outputIds}::bigint[]))::int as queue_items,
      (select count(*) from assignments join queue_items on queue_items.id = assignments.queue_item_id where queue_items.output_id = any(${outputIds}::bigint[]))::int as assignments,
      (select count(*) from gold_labels where output_id = any(${outputIds}::bigint[]))::int as gold_labels
  `.execute(testDb.db);
  return rows[0];
}

/** An overlap-2 queue takes everything; alice sends two outputs, bob one; two reviewers agree on each, so each gets gold. */
async function setUpLoop(prefix: string, firstIndex: number) {
  const queue = await seedQueue(testDb.db, { projectId: projectId(), overlap: 2 });
  const source = { projectId: projectId(), apiKeyId: null };
  await ingestOutputs(testDb.db, source, [
    buildOutputItem(firstIndex, { external_id: `${prefix}-alice-1`, end_user_id: `${prefix}-alice` }),
    buildOutputItem(firstIndex + 1, { external_id: `${prefix}-alice-2`, end_user_id: `${prefix}-alice`, output: "Your card ending 4242 is fine." }),
    buildOutputItem(firstIndex + 2, { external_id: `${prefix}-bob-1`, end_user_id: `${prefix}-bob` }),
  ]);
  const reviewers = await seedReviewers(testDb.db, { projectId: projectId(), count: 2 });
  const assignmentsByItem = new Map<number, number[]>();
  for (const reviewer of reviewers) {
    for (let round = 0; round < 3; round += 1) {
      const task = await callerFor(reviewer).review.claimNext({ projectId: projectId(), queueId: queue.id });
      await callerFor(reviewer).review.submit({ projectId: projectId(), assignmentId: task!.assignment.id, values: { verdict: "helpful" } });
      assignmentsByItem.set(task!.assignment.queueItemId, [...(assignmentsByItem.get(task!.assignment.queueItemId) ?? []), task!.assignment.id]);
    }
  }
  const outputs = await testDb.db
    .selectFrom("outputs")
    .innerJoin("queue_items", "queue_items.output_id", "outputs.id")
    .select(["outputs.id", "outputs.external_id as externalId", "queue_items.id as queueItemId"])
    .where("outputs.external_id", "like", `${prefix}-%`)
    .where("queue_items.queue_id", "=", queue.id)
    .orderBy("outputs.external_id")
    .execute();
  const [alice1, alice2, bob1] = outputs;
  // Collaboration documents of alice's first item (the shared gold) and its first correction, and one of bob's.
  const documentNames = [
    buildCollabDocumentName(projectId(), goldDocumentKey(alice1!.queueItemId)),
    buildCollabDocumentName(projectId(), correctionDocumentKey(assignmentsByItem.get(alice1!.queueItemId)![0]!)),
    buildCollabDocumentName(projectId(), goldDocumentKey(bob1!.queueItemId)),
    buildCollabDocumentName(projectId(), sharedDocumentKey(alice2!.queueItemId)),
  ];
  await testDb.db.insertInto("collab_docs").values(documentNames.map((name) => ({ project_id: projectId(), name, state: Buffer.from([0]) }))).execute();
  await testDb.db.insertInto("collab_updates").values({ project_id: projectId(), document_name: documentNames[1]!, update: Buffer.from([1]) }).execute();
  await testDb.db.insertInto("collab_authors").values({ project_id: projectId(), document_name: documentNames[3]!, client_id: 42, user_id: team.members.annotator.id }).execute();
  await as("lead").goldItems.addFromGold({ projectId: projectId(), queueItemId: alice1!.queueItemId });
  await ingestSignals(testDb.db, { projectId: projectId() }, [
    { external_id: `${prefix}-alice-1`, kind: "thumbs_down", end_user_id: `${prefix}-alice`, comment: "wrong" },
    { external_id: `${prefix}-bob-1`, kind: "thumbs_up", end_user_id: `${prefix}-alice` },
    { external_id: `${prefix}-bob-1`, kind: "copy", end_user_id: `${prefix}-bob` },
  ]);
  const dataset = await as("ml").datasets.create({ projectId: projectId(), name: `Gold ${prefix}`, queueIds: [queue.id] });
  const first = await publishAndWait(testDb.db, as("ml"), { projectId: projectId(), datasetId: dataset.id });
  expect(first).toMatchObject({ number: 1, rowCount: 3 });
  return { alice: [alice1!, alice2!], bob: bob1!, dataset, documentNames };
}

let adminSecret: string;

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  adminSecret = (await createApiKey(testDb.db, { projectId: team.project.id, userId: null }, { name: "ops", scopes: ["admin"] })).secret;
});
afterAll(async () => {
  await closeDatabase();
});

const pullResponse = async (slug: string, release: number, query = "") => {
  const response = await pullRelease(new Request(`http://localhost/api/v1/datasets/${slug}/releases/${release}${query}`, { headers: { authorization: `Bearer ${adminSecret}` } }), {
    params: Promise.resolve({ slug, release: String(release) }),
  });
  expect(response.status).toBe(200);
  return { etag: response.headers.get("etag"), text: await response.text() };
};
const pull = async (slug: string, release: number, query = "") =>
  (await pullResponse(slug, release, query)).text.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);

describe("erasing an end user", () => {
  it("previews, then deletes every row of theirs in every table, tombstones their frozen rows, audits, and the next release lists them as removed", async () => {
    const { alice, bob, dataset, documentNames } = await setUpLoop("e1", 100);
    const expected = { outputs: 2, signals: 2, queueItems: 2, assignments: 4, annotations: 4, goldLabels: 2, goldItems: 1, collabDocuments: 3, releaseRowsTombstoned: 2 };
    await expect(as("admin").privacy.previewErasure({ projectId: projectId(), endUserId: "e1-alice" })).resolves.toEqual(expected);

    const before = await pullResponse(dataset.slug, 1);
    expect(before.text).toContain("4242");
    const result = await as("admin").privacy.eraseEndUser({ projectId: projectId(), endUserId: "e1-alice" });
    expect(result).toEqual({ endUserId: "e1-alice", deleted: expected, releases: [{ dataset: dataset.slug, release: 1, rows: 2 }] });

    const aliceIds = alice.map((output) => output.id);
    expect(await countLeftovers(aliceIds, "e1-alice")).toEqual({ outputs: 0, signals: 0, queue_items: 0, assignments: 0, gold_labels: 0 });
    const annotations = await testDb.db.selectFrom("annotations").select("queue_item_id").where("queue_item_id", "in", alice.map((output) => output.queueItemId)).execute();
    expect(annotations).toEqual([]);
    const goldItems = await testDb.db.selectFrom("gold_items").select("id").where("project_id", "=", projectId()).execute();
    expect(goldItems).toEqual([]);
    const documents = await testDb.db.selectFrom("collab_docs").select("name").where("project_id", "=", projectId()).execute();
    expect(documents.map((row) => row.name)).toEqual([documentNames[2]]);
    expect(await testDb.db.selectFrom("collab_updates").select("id").where("project_id", "=", projectId()).execute()).toEqual([]);
    expect(await testDb.db.selectFrom("collab_authors").select("client_id").where("project_id", "=", projectId()).execute()).toEqual([]);
    // Bob keeps everything, including his own signal on his output; alice's signal on it is gone.
    expect(await countLeftovers([bob.id], "e1-bob")).toEqual({ outputs: 1, signals: 1, queue_items: 1, assignments: 2, gold_labels: 1 });

    const frozen = await testDb.db
      .selectFrom("release_rows")
      .select(["external_id as externalId", "output_id as outputId", "input", "original_output as output", "label", "correction", "lineage", "erased_at as erasedAt"])
      .where("project_id", "=", projectId())
      .orderBy("external_id")
      .execute();
    expect(frozen.map((row) => row.externalId)).toEqual(["e1-alice-1", "e1-alice-2", "e1-bob-1"]);
    for (const row of frozen.slice(0, 2)) {
      expect(row).toMatchObject({ input: null, output: null, label: {}, correction: null, lineage: { output_id: row.outputId, erased_at: expect.any(String) } });
      expect(row.erasedAt).toBeInstanceOf(Date);
    }
    expect(frozen[2]).toMatchObject({ label: { verdict: "helpful" }, output: expect.any(String), erasedAt: null });

    const audit = await testDb.db.selectFrom("audit_log").select(["action", "target_type as targetType", "data"]).where("project_id", "=", projectId()).where("action", "in", ["end_user.erased", "release.rows_erased"]).orderBy("id").execute();
    expect(audit).toEqual([
      { action: "end_user.erased", targetType: "end_user", data: { endUserFingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), deleted: expected } },
      { action: "release.rows_erased", targetType: "dataset_release", data: { dataset: dataset.slug, release: 1, rows: 2, endUserFingerprint: expect.any(String) } },
    ]);
    expect(JSON.stringify(audit)).not.toContain("e1-alice");

    const lines = await pull(dataset.slug, 1);
    const byExternalId = Object.fromEntries(lines.map((line) => [line.external_id, line]));
    expect(byExternalId["e1-alice-1"]).toMatchObject({ input: null, output: null, label: {}, correction: null, lineage: { erased_at: expect.any(String) } });
    expect(byExternalId["e1-alice-2"]).toMatchObject({ input: null, output: null });
    expect(byExternalId["e1-bob-1"]).toMatchObject({ input: expect.any(Array), output: expect.any(String), label: { verdict: "helpful" } });
    expect(JSON.stringify(lines)).not.toContain("4242");
    // The bytes changed, so the ETag did: a client holding the old file downloads the tombstones.
    const after = await pullResponse(dataset.slug, 1);
    expect(after.etag).not.toBe(before.etag);
    expect(after.etag).toContain("-r1-e2-");
    for (const format of ["csv", "openai"]) expect((await pullResponse(dataset.slug, 1, `?format=${format}`)).text).not.toContain("4242");
    await pullResponse(dataset.slug, 1, "?format=parquet");

    const second = await publishAndWait(testDb.db, as("ml"), { projectId: projectId(), datasetId: dataset.id });
    expect(second).toMatchObject({ number: 2, rowCount: 1, changelog: { added: 0, removed: 2, relabelled: 0 } });
    const changes = await pull(dataset.slug, 2, "?since=1");
    expect(changes.filter((line) => line.change === "removed").map((line) => line.external_id).sort()).toEqual(["e1-alice-1", "e1-alice-2"]);
  });

  it("refuses an unknown or already erased end user with a 404 naming the field, and only admins may erase", async () => {
    await expect(as("admin").privacy.eraseEndUser({ projectId: projectId(), endUserId: "e1-alice" })).rejects.toMatchObject({ code: "NOT_FOUND", cause: { field: "end_user_id" } });
    await expect(as("admin").privacy.previewErasure({ projectId: projectId(), endUserId: "nobody" })).resolves.toMatchObject({ outputs: 0, signals: 0 });
    await expect(as("lead").privacy.eraseEndUser({ projectId: projectId(), endUserId: "e1-bob" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps release rows immutable outside an erasure, and inside one allows only the tombstone", async () => {
    await expect(sql`update release_rows set label = '{}'::jsonb where project_id = ${projectId()}`.execute(testDb.db)).rejects.toThrow(/immutable/);
    await expect(
      testDb.db.transaction().execute(async (trx) => {
        await sql`select set_config('goldloop.erasing_end_user', 'on', true)`.execute(trx);
        await sql`update release_rows set correction = 'changed', erased_at = now() where project_id = ${projectId()} and erased_at is null`.execute(trx);
      }),
    ).rejects.toThrow(/immutable/);
    await expect(sql`delete from release_rows where project_id = ${projectId()}`.execute(testDb.db)).rejects.toThrow(/immutable/);
  });

  it("erases over REST with an admin key, answering snake_case counts (signals left on their outputs by others included), and 404 for nobody", async () => {
    const { dataset } = await setUpLoop("e2", 200);
    const call = (endUserId: string) =>
      deleteEndUser(new Request(`http://localhost/api/v1/end-users/${encodeURIComponent(endUserId)}`, { method: "DELETE", headers: { authorization: `Bearer ${adminSecret}` } }), {
        params: Promise.resolve({ endUserId }),
      });
    // Bob's output sits in this loop's queue and in the first test's queue, which takes everything too.
    const response = await call("e2-bob");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      end_user_id: "e2-bob",
      deleted: { outputs: 1, signals: 2, queue_items: 2, assignments: 2, annotations: 2, gold_labels: 1, gold_items: 0, collab_documents: 1 },
      release_rows_tombstoned: 1,
      releases: [{ dataset: dataset.slug, release: 1, rows: 1 }],
    });
    const missing = await call("e2-nobody");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found", field: "end_user_id", message: expect.stringContaining("e2-nobody") } });
  });

  it("erases from the CLI, with a dry run first", async () => {
    await setUpLoop("e3", 300);
    const dryRun = await runCliCaptured(["erase-end-user", "--project", team.project.slug, "--end-user", "e3-alice", "--dry-run"]);
    expect(dryRun.code).toBe(0);
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ end_user_id: "e3-alice", would_delete: { outputs: 2 }, release_rows_to_tombstone: 2 });
    const erased = await runCliCaptured(["erase-end-user", "--project", team.project.slug, "--end-user", "e3-alice"]);
    expect(erased.code).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({ end_user_id: "e3-alice", deleted: { outputs: 2, signals: 2, gold_labels: 2 } });
    expect(erased.stderr).toMatch(/erased 2 outputs, 2 signals/);
    const again = await runCliCaptured(["erase-end-user", "--project", team.project.slug, "--end-user", "e3-alice"]);
    expect(again).toMatchObject({ code: 2, stderr: expect.stringMatching(/no outputs or signals of end user "e3-alice"/) });
    const dryRunAgain = await runCliCaptured(["erase-end-user", "--project", team.project.slug, "--end-user", "e3-alice", "--dry-run"]);
    expect(dryRunAgain).toMatchObject({ code: 2, stderr: expect.stringMatching(/no outputs or signals of end user "e3-alice"/) });
    const missingFlag = await runCliCaptured(["erase-end-user", "--project", team.project.slug]);
    expect(missingFlag).toMatchObject({ code: 2, stderr: expect.stringMatching(/--end-user/) });
  });
});
