import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { backfillMetrics } from "@/server/metrics/service";
import { evaluateAlerts } from "./evaluate-service";
import type { AlertEvidence } from "./evidence-schema";
import { readLoopHealth } from "./health";
import { WINDOW_MS } from "./windows";

const testDb = setUpTestDatabase();
const DAY = WINDOW_MS.day;
const firstDay = new Date("2026-10-01T00:00:00Z");
const dayAt = (index: number) => new Date(firstDay.getTime() + index * DAY);
const noonAfter = (index: number) => new Date(dayAt(index + 1).getTime() + 12 * 3_600_000);

const BALANCED = { helpful: 14, harmful: 13, off_topic: 13 };
const COLLAPSED = { helpful: 40 };

/** Gold labels decided on day `index`, `counts[label]` of each, each with its own output and resolved item. */
async function seedGoldDay(projectId: string, queueId: string, index: number, counts: Record<string, number>) {
  const at = new Date(dayAt(index).getTime() + 3 * 3_600_000);
  for (const [label, count] of Object.entries(counts)) {
    const prefix = `day${index}-${label}-`;
    await sql`
      with new_outputs as (
        insert into outputs (project_id, external_id, input, output, content_hash, produced_at)
        select ${projectId}::uuid, ${prefix} || n, to_jsonb('question ' || n), to_jsonb('answer ' || n), md5(${prefix} || n), ${at}::timestamptz
        from generate_series(1, ${count}::int) as n
        returning id, content_hash
      ), new_items as (
        insert into queue_items (project_id, queue_id, output_id, content_hash, inclusion_probability, state, resolved_at)
        select ${projectId}::uuid, ${queueId}::uuid, id, content_hash, 1, 'resolved', ${at}::timestamptz from new_outputs
        returning id, output_id
      )
      insert into gold_labels (project_id, queue_id, queue_item_id, output_id, values, method, confidence, provenance, created_at)
      select ${projectId}::uuid, ${queueId}::uuid, id, output_id, jsonb_build_object('verdict', ${label}::text), 'unanimous', 1, '{}'::jsonb, ${at}::timestamptz
      from new_items
    `.execute(testDb.db);
  }
}

describe("built-in detectors through evaluateAlerts", () => {
  it("raises label collapse from the metrics job's points, with the detector's definition and null band as evidence, and resolves it after 3 clear windows", async () => {
    const team = await seedProjectTeam(testDb.db);
    const projectId = team.project.id;
    const queue = await seedQueue(testDb.db, { projectId, name: "Support replies" });
    for (let index = 0; index < 10; index += 1) await seedGoldDay(projectId, queue.id, index, BALANCED);
    for (const index of [10, 11]) await seedGoldDay(projectId, queue.id, index, COLLAPSED);
    await backfillMetrics(testDb.db, projectId, { since: dayAt(0) });

    expect((await evaluateAlerts(testDb.db, projectId, { now: noonAfter(9) })).raised).toEqual([]);
    const { raised } = await evaluateAlerts(testDb.db, projectId, { now: noonAfter(11) });
    const collapse = raised.filter((alert) => alert.detector === "label_collapse");
    expect(collapse).toEqual([{ id: expect.any(String), detector: "label_collapse", scopeKey: `queue:${queue.id}`, title: expect.any(String), firstWindow: dayAt(11) }]);
    expect(collapse[0]!.title).toMatch(/^Gold labels in 'Support replies' collapsed to 1 label \(JS distance to reference [0-9.]+ bits, null band ≤ [0-9.]+\)$/);

    const lead = createCaller(createInnerContext({ db: testDb.db, user: team.members.lead }));
    const alert = await lead.alerts.get({ projectId, alertId: collapse[0]!.id });
    const evidence: AlertEvidence = alert.evidence;
    expect(evidence).toMatchObject({
      definition: { title: "Label-distribution collapse", nullModel: expect.stringMatching(/bootstrap/i), minSampleSize: 20 },
      rule: null,
      threshold: null,
      band: { lower: null, upper: expect.any(Number) },
      queue: { id: queue.id, name: "Support replies" },
      metrics: ["gold.labels"],
      latestFiringWindow: dayAt(11).toISOString(),
    });
    expect(evidence.series.map((window) => window.window)).toEqual(Array.from({ length: 12 }, (_, index) => dayAt(index).toISOString()));
    // Both collapsed days are beyond their band; the detector fires on the second in a row.
    expect(evidence.series.slice(-2).map((window) => [window.n, window.statistic! > window.band.upper!, window.firing])).toEqual([
      [40, true, false],
      [40, true, true],
    ]);
    expect(evidence.sampleItems).toHaveLength(10);
    const firingItems = await testDb.db.selectFrom("gold_labels").select("queue_item_id").where("queue_id", "=", queue.id).where("created_at", ">=", dayAt(11)).execute();
    for (const item of evidence.sampleItems) expect(firingItems.map((row) => row.queue_item_id)).toContain(item.queueItemId);

    for (const index of [12, 13, 14]) await seedGoldDay(projectId, queue.id, index, BALANCED);
    await backfillMetrics(testDb.db, projectId, { since: dayAt(12) });
    expect((await evaluateAlerts(testDb.db, projectId, { now: noonAfter(13) })).resolved).toEqual([]);
    const { resolved } = await evaluateAlerts(testDb.db, projectId, { now: noonAfter(14) });
    expect(resolved.map((alert) => alert.id)).toContain(collapse[0]!.id);
    expect(await lead.alerts.get({ projectId, alertId: collapse[0]!.id })).toMatchObject({ state: "resolved", resolvedReason: "cleared", clearStreak: 3 });
  });

  it("raises a detector's alerts at the severity the project chose, resolves them when it turns the detector off, and runs it no more", async () => {
    const team = await seedProjectTeam(testDb.db);
    const projectId = team.project.id;
    const queue = await seedQueue(testDb.db, { projectId });
    for (let index = 0; index < 10; index += 1) await seedGoldDay(projectId, queue.id, index, BALANCED);
    for (const index of [10, 11]) await seedGoldDay(projectId, queue.id, index, COLLAPSED);
    await backfillMetrics(testDb.db, projectId, { since: dayAt(0) });
    const lead = createCaller(createInnerContext({ db: testDb.db, user: team.members.lead }));
    expect(await lead.alerts.detectors.setSeverity({ projectId, detector: "label_collapse", severity: "info" })).toEqual({ detector: "label_collapse", severity: "info" });
    const [raised] = (await evaluateAlerts(testDb.db, projectId, { now: noonAfter(11) })).raised.filter((alert) => alert.detector === "label_collapse");
    expect(await lead.alerts.get({ projectId, alertId: raised!.id })).toMatchObject({ severity: "info", state: "open" });
    // An info alert is on the health page but does not stop a training job.
    expect(await readLoopHealth(testDb.db, projectId)).toBe("ok");

    expect(await lead.alerts.detectors.setEnabled({ projectId, detector: "label_collapse", enabled: false })).toEqual({ detector: "label_collapse", isEnabled: false, resolvedAlerts: 1 });
    expect(await lead.alerts.get({ projectId, alertId: raised!.id })).toMatchObject({ state: "resolved", resolvedReason: "disabled" });
    const detectors = await lead.alerts.detectors.list({ projectId });
    expect(detectors.find((detector) => detector.id === "label_collapse")).toMatchObject({ isEnabled: false, severity: "info", title: "Label-distribution collapse" });
    expect(detectors.filter((detector) => detector.isEnabled)).toHaveLength(detectors.length - 1);
    expect((await evaluateAlerts(testDb.db, projectId, { now: noonAfter(11) })).raised.filter((alert) => alert.detector === "label_collapse")).toEqual([]);
    const audit = await testDb.db.selectFrom("audit_log").select(["action", "data"]).where("target_type", "=", "detector").where("project_id", "=", projectId).orderBy("id").execute();
    expect(audit).toEqual([
      { action: "detector.severity_changed", data: { severity: "info" } },
      { action: "detector.disabled", data: { resolvedAlerts: 1 } },
    ]);
  });
});
