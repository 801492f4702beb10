import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as pullRelease } from "@/app/api/v1/datasets/[slug]/releases/[release]/route";
import { GET as goldPage } from "@/app/api/v1/gold/route";
import { GET as goldStream } from "@/app/api/v1/gold/stream/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedGold, seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { createApiKey } from "@/server/api-keys/service";
import { respondWithReleaseDownload } from "@/server/datasets/formats/download";
import { publishAndWait } from "@/server/datasets/testing";
import { evaluateAlerts } from "./evaluate-service";
import { LOOP_HEALTH_HEADER } from "./health";
import { disableBuiltInDetectors, insertMetricPoints } from "./testing";
import { WINDOW_MS } from "./windows";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let reader = "";
let dataset = { id: "", slug: "" };
let queueId = "";

const DAY = WINDOW_MS.day;
const firstDay = new Date("2026-11-10T00:00:00Z");
const dayAt = (index: number) => new Date(firstDay.getTime() + index * DAY);
const noonAfter = (index: number) => new Date(dayAt(index + 1).getTime() + 12 * 3_600_000);

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  const projectId = team.project.id;
  await disableBuiltInDetectors(testDb.db, { projectId, userId: team.members.admin.id });
  reader = (await createApiKey(testDb.db, { projectId, userId: null }, { name: "trainer", scopes: ["datasets:read"] })).secret;
  queueId = (await seedQueue(testDb.db, { projectId })).id;
  await seedGold(testDb.db, { projectId, queueId, label: "helpful" });
  const ml = createCaller(createInnerContext({ db: testDb.db, user: team.members.ml }));
  const created = await ml.datasets.create({ projectId, name: "Support gold", queueIds: [queueId] });
  dataset = { id: created.id, slug: created.slug };
  await publishAndWait(testDb.db, ml, { projectId, datasetId: created.id });
  const lead = createCaller(createInnerContext({ db: testDb.db, user: team.members.lead }));
  await lead.alerts.rules.create({ projectId, name: "Too many corrections", metric: "corrections.rate", comparator: ">", threshold: 0.5, queueId, clearWindows: 1 });
});
afterAll(async () => {
  await closeDatabase();
});

const withKey = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${reader}`, ...headers } });

/** The header on every response a training job reads gold from: the feed page, the stream, a pull (and its 304), the UI download. */
async function loopHealthHeaders() {
  const page = await goldPage(withKey("/api/v1/gold"));
  const stream = await goldStream(withKey("/api/v1/gold/stream"));
  await stream.body?.cancel();
  const pull = await pullRelease(withKey(`/api/v1/datasets/${dataset.slug}/releases/latest`), { params: Promise.resolve({ slug: dataset.slug, release: "latest" }) });
  const etag = pull.headers.get("etag")!;
  await pull.body?.cancel();
  const notModified = await pullRelease(withKey(`/api/v1/datasets/${dataset.slug}/releases/1`, { "if-none-match": etag }), { params: Promise.resolve({ slug: dataset.slug, release: "1" }) });
  const download = await respondWithReleaseDownload(testDb.db, new Request("http://localhost/download"), team.members.lead, { slug: team.project.slug, datasetId: dataset.id, release: "1" });
  await download.body?.cancel();
  expect([page.status, stream.status, pull.status, notModified.status, download.status]).toEqual([200, 200, 200, 304, 200]);
  return [page, stream, pull, notModified, download].map((response) => response.headers.get(LOOP_HEALTH_HEADER));
}

describe("X-Goldloop-Loop-Health", () => {
  it("reads ok, then alerting while an alert is live, then ok once it resolves, on the gold feed and every release pull", async () => {
    expect(await loopHealthHeaders()).toEqual(["ok", "ok", "ok", "ok", "ok"]);

    const projectId = team.project.id;
    await insertMetricPoints(testDb.db, { projectId, queueId, metric: "corrections.rate", lastWindow: dayAt(1), values: [0.2, 0.8] });
    expect((await evaluateAlerts(testDb.db, projectId, { now: noonAfter(1) })).raised).toHaveLength(1);
    expect(await loopHealthHeaders()).toEqual(["alerting", "alerting", "alerting", "alerting", "alerting"]);

    await insertMetricPoints(testDb.db, { projectId, queueId, metric: "corrections.rate", lastWindow: dayAt(2), values: [0.1] });
    expect((await evaluateAlerts(testDb.db, projectId, { now: noonAfter(2) })).resolved).toHaveLength(1);
    expect(await loopHealthHeaders()).toEqual(["ok", "ok", "ok", "ok", "ok"]);
  });
});
