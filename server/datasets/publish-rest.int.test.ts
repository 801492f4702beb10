import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/datasets/[slug]/releases/route";
import { GET as getStatus } from "@/app/api/v1/datasets/[slug]/releases/[release]/status/route";
import { GET as pull } from "@/app/api/v1/datasets/[slug]/releases/[release]/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedManyGold, seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { runCliCaptured } from "@/server/cli/test-support";
import { startJobRunner, type JobRunner } from "@/server/jobs/runner";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let runner: JobRunner;
const keys = { admin: "", reader: "" };
const admin = () => createCaller(createInnerContext({ db: testDb.db, user: team.members.admin }));

const publish = (slug: string, key: string, body?: string) =>
  POST(new Request(`http://test/api/v1/datasets/${slug}/releases`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body }), {
    params: Promise.resolve({ slug }),
  });
const status = (slug: string, release: string, key = keys.reader) =>
  getStatus(new Request(`http://test/api/v1/datasets/${slug}/releases/${release}/status`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ slug, release }) });

async function datasetWithGold(name: string, count: number) {
  const queue = await seedQueue(testDb.db, { projectId: team.project.id });
  await seedManyGold(testDb.db, { projectId: team.project.id, queueId: queue.id, count, prefix: `${name}-` });
  return admin().datasets.create({ projectId: team.project.id, name, queueIds: [queue.id] });
}

beforeAll(async () => {
  // The route handlers and the CLI open the database from DATABASE_URL, as the server does.
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  const key = async (scopes: Array<"admin" | "datasets:read">) => (await admin().apiKeys.create({ projectId: team.project.id, name: scopes.join(" "), scopes })).secret;
  keys.admin = await key(["admin"]);
  keys.reader = await key(["datasets:read"]);
  runner = await startJobRunner({ connectionString: testDb.url, db: testDb.db, log: { error: () => {}, warn: () => {} } });
});
afterAll(async () => {
  await runner.stop();
  await closeDatabase();
});

describe("POST /api/v1/datasets/{slug}/releases", () => {
  it("answers 202 with the release number and where to follow it; the status turns published and the release is pullable", async () => {
    const { slug } = await datasetWithGold("nightly", 250);
    const response = await publish(slug, keys.admin, JSON.stringify({ notes: "nightly pipeline" }));
    expect(response.status).toBe(202);
    expect(response.headers.get("location")).toBe(`/api/v1/datasets/${slug}/releases/1/status`);
    expect(await response.json()).toEqual({ release: 1, status: "queued", status_url: `/api/v1/datasets/${slug}/releases/1/status`, pull_url: `/api/v1/datasets/${slug}/releases/1` });

    await expect.poll(async () => ((await (await status(slug, "1")).json()) as { status: string }).status, { timeout: 20_000 }).toBe("published");
    expect(await (await status(slug, "1")).json()).toMatchObject({ release: 1, status: "published", rows_frozen: 250, rows_expected: 250, row_count: 250, error: null, pull_url: `/api/v1/datasets/${slug}/releases/1` });
    const pulled = await pull(new Request(`http://test/api/v1/datasets/${slug}/releases/latest`, { headers: { authorization: `Bearer ${keys.reader}` } }), {
      params: Promise.resolve({ slug, release: "latest" }),
    });
    expect(pulled.headers.get("x-goldloop-row-count")).toBe("250");
    // An empty body is fine for a pipeline that has no notes (curl -X POST with no -d sends no length).
    expect((await publish(slug, keys.admin, "")).status).toBe(202);
  });

  it("needs an admin key, a known dataset and a well-formed body, and says which field is wrong", async () => {
    const { slug } = await datasetWithGold("guarded", 3);
    expect((await publish(slug, keys.reader, "{}")).status).toBe(403);
    const unknown = await publish("no-such-set", keys.admin, "{}");
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: expect.objectContaining({ field: "slug" }) }]);
    const badNotes = await publish(slug, keys.admin, JSON.stringify({ notes: "x".repeat(5_001) }));
    expect([badNotes.status, await badNotes.json()]).toEqual([400, { error: expect.objectContaining({ field: "notes", message: "notes: use at most 5,000 characters" }) }]);
    expect((await publish(slug, keys.admin, "{")).status).toBe(400);
    const first = await publish(slug, keys.admin, "{}");
    expect(first.status).toBe(202);
    const overlapping = await publish(slug, keys.admin, "{}");
    // Only while the first is not published yet: the worker may already have finished it.
    expect([202, 409]).toContain(overlapping.status);
  });

  it("reports a release's status only for a number the dataset has", async () => {
    const { slug } = await datasetWithGold("statuses", 1);
    expect((await status(slug, "7")).status).toBe(404);
    expect((await status(slug, "0")).status).toBe(400);
    expect((await status(slug, "latest")).status).toBe(400);
    expect((await status(slug, "1", "gl_nonsense")).status).toBe(401);
  });
});

describe("npx goldloop publish", () => {
  it("publishes with --wait, printing progress and the release number", async () => {
    const { slug } = await datasetWithGold("from-terminal", 40);
    const result = await runCliCaptured(["publish", "--project", team.project.slug, "--dataset", slug, "--notes", "by hand", "--wait"]);
    expect(result).toMatchObject({ code: 0, stdout: "1\n" });
    expect(result.stderr).toContain(`release 1 of ${slug} is queued`);
    expect(result.stderr).toContain("frozen 40 of 40 rows");
    expect(result.stderr).toContain(`release 1 published with 40 rows; pull it from /api/v1/datasets/${slug}/releases/1`);
    const release = await testDb.db.selectFrom("dataset_releases").select(["status", "notes", "row_count"]).where("number", "=", 1).where("dataset_id", "=", (await testDb.db.selectFrom("datasets").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id).executeTakeFirstOrThrow();
    expect(release).toEqual({ status: "published", notes: "by hand", row_count: 40 });
  });

  it("queues without --wait, and names a missing dataset or flag", async () => {
    const { slug } = await datasetWithGold("queued-only", 5);
    const queued = await runCliCaptured(["publish", "--project", team.project.slug, "--dataset", slug]);
    expect(queued).toMatchObject({ code: 0, stdout: "1\n" });
    expect(queued.stderr).toContain("run with --wait to publish it from here");
    const missing = await runCliCaptured(["publish", "--project", team.project.slug, "--dataset", "nope"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no dataset "nope" in this project');
    expect((await runCliCaptured(["publish", "--project", team.project.slug])).stderr).toContain("missing required flag --dataset");
  });
});
