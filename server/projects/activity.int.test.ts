import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedProject, seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedGold, seedQueue, seedQueueItems, seedRelease } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { listDailyActivity } from "./queries";
import { getProjectActivity } from "./service";

const testDb = setUpTestDatabase();
const now = new Date("2026-03-14T12:00:00Z");
let team: Awaited<ReturnType<typeof seedProjectTeam>>;

async function setCreatedAt(table: "outputs" | "annotations" | "gold_labels", id: number, at: string) {
  await testDb.db.updateTable(table).set({ created_at: new Date(at) }).where("id", "=", id).execute();
}

async function seedAnnotation(projectId: string, queueId: string, queueItemId: number, at: string) {
  const [annotator] = await seedReviewers(testDb.db, { projectId, count: 1 });
  const assignment = await testDb.db
    .insertInto("assignments")
    .values({ project_id: projectId, queue_id: queueId, queue_item_id: queueItemId, annotator_id: annotator!.id, state: "submitted", lease_expires_at: new Date(at), submitted_at: new Date(at) })
    .returning("id")
    .executeTakeFirstOrThrow();
  const annotation = await testDb.db
    .insertInto("annotations")
    .values({ project_id: projectId, queue_item_id: queueItemId, assignment_id: assignment.id, annotator_id: annotator!.id, values: JSON.stringify({ verdict: "helpful" }), schema_version: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  await setCreatedAt("annotations", annotation.id, at);
}

/** Activity on day edges in one project, and noise on the same days in another that must not show. */
async function seedActivity(projectId: string) {
  const queue = await seedQueue(testDb.db, { projectId });
  const items = await seedQueueItems(testDb.db, { projectId, queueId: queue.id, count: 4 });
  await setCreatedAt("outputs", items[0]!.outputId, "2026-03-14T00:00:00Z"); // first instant of today
  await setCreatedAt("outputs", items[1]!.outputId, "2026-03-14T23:59:59Z"); // last second of today
  await setCreatedAt("outputs", items[2]!.outputId, "2026-03-01T00:00:00Z"); // first day of the window
  await setCreatedAt("outputs", items[3]!.outputId, "2026-02-28T23:59:59Z"); // a second too early
  await testDb.db.updateTable("queue_items").set({ state: "in_review" }).where("id", "=", items[0]!.id).execute();
  await testDb.db.updateTable("queue_items").set({ state: "conflict" }).where("id", "=", items[1]!.id).execute();
  await seedAnnotation(projectId, queue.id, items[1]!.id, "2026-03-10T23:30:00Z");
  await seedAnnotation(projectId, queue.id, items[1]!.id, "2026-03-11T00:30:00Z");
  const gold = await seedGold(testDb.db, { projectId, queueId: queue.id, label: "good" });
  await setCreatedAt("gold_labels", gold.goldLabelId, "2026-03-12T08:00:00Z");
  await setCreatedAt("outputs", gold.outputId, "2026-03-12T07:00:00Z");
}

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  await seedActivity(team.project.id);
  const other = await seedProject(testDb.db);
  await seedActivity(other.id);
  await seedRelease(testDb.db, { projectId: team.project.id, name: "Triage", number: 1, publishedAt: new Date("2026-03-01T00:00:00Z") });
  await seedRelease(testDb.db, { projectId: team.project.id, name: "Refunds", number: 3, publishedAt: new Date("2026-03-13T00:00:00Z") });
  await seedRelease(testDb.db, { projectId: other.id, name: "Elsewhere", number: 9, publishedAt: new Date("2026-03-14T00:00:00Z") });
});

describe("project activity", () => {
  it("counts the project's totals and finds its newest release, not another project's", async () => {
    const activity = await getProjectActivity(testDb.db, team.project.id, { now });
    expect(activity.totals).toEqual({ outputs: 5, queuedItems: 5, waitingItems: 3, openConflicts: 1, goldLabels: 1 });
    expect(activity.latestRelease).toEqual({ number: 3, datasetName: "Refunds", publishedAt: new Date("2026-03-13T00:00:00Z") });
  });

  it("has one row per UTC day for 14 days, zero-filled, scoped to the project", async () => {
    const { daily } = await getProjectActivity(testDb.db, team.project.id, { now });
    expect(daily).toHaveLength(14);
    expect(daily[0]!.day).toBe("2026-03-01");
    expect(daily[13]!.day).toBe("2026-03-14");
    const active = daily.filter((row) => row.outputs + row.annotations + row.goldLabels > 0);
    expect(active).toEqual([
      { day: "2026-03-01", outputs: 1, annotations: 0, goldLabels: 0 },
      { day: "2026-03-10", outputs: 0, annotations: 1, goldLabels: 0 },
      { day: "2026-03-11", outputs: 0, annotations: 1, goldLabels: 0 },
      { day: "2026-03-12", outputs: 1, annotations: 0, goldLabels: 1 },
      { day: "2026-03-14", outputs: 2, annotations: 0, goldLabels: 0 },
    ]);
    expect(daily.find((row) => row.day === "2026-03-05")).toEqual({ day: "2026-03-05", outputs: 0, annotations: 0, goldLabels: 0 });
  });

  it("buckets by UTC day whatever the session's time zone is", async () => {
    const daily = await testDb.db.transaction().execute(async (trx) => {
      await sql`set local time zone 'Pacific/Kiritimati'`.execute(trx);
      return listDailyActivity(trx, { projectId: team.project.id, today: "2026-03-14", days: 14 });
    });
    expect(daily.find((row) => row.day === "2026-03-10")?.annotations).toBe(1);
    expect(daily.find((row) => row.day === "2026-03-14")?.outputs).toBe(2);
    expect(daily.find((row) => row.day === "2026-03-01")?.outputs).toBe(1);
  });

  it("is empty but complete for a project with nothing in it, through tRPC", async () => {
    const empty = await seedProjectTeam(testDb.db);
    const activity = await createCaller(createInnerContext({ db: testDb.db, user: empty.members.annotator })).projects.activity({ projectId: empty.project.id });
    expect(activity.totals).toEqual({ outputs: 0, queuedItems: 0, waitingItems: 0, openConflicts: 0, goldLabels: 0 });
    expect(activity.latestRelease).toBeNull();
    expect(activity.daily).toHaveLength(14);
    expect(activity.daily.at(-1)!.day).toBe(new Date().toISOString().slice(0, 10));
    expect(activity.daily.every((row) => row.outputs === 0 && row.annotations === 0 && row.goldLabels === 0)).toBe(true);
  });
});
