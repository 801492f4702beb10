import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedGold, seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/users/schema";
import { evaluateAlerts } from "./evaluate-service";
import { readLoopHealth } from "./health";
import { disableBuiltInDetectors, insertMetricPoints } from "./testing";
import { WINDOW_MS } from "./windows";

const testDb = setUpTestDatabase();
const DAY = WINDOW_MS.day;
/** Evaluations run at noon; the latest closed day window is the day before. */
const noonOf = (day: Date) => new Date(day.getTime() + DAY + 12 * 3_600_000);
const firstDay = new Date("2026-11-10T00:00:00Z");
const dayAt = (index: number) => new Date(firstDay.getTime() + index * DAY);

const callerOf = (user: SessionUser) => createCaller(createInnerContext({ db: testDb.db, user }));

/** A project with its detectors off, a queue and a rule: approval share above 0.9 for 2 days, clear after 2. */
async function seedRuleWorld(options: { severity?: "info" | "warning" } = {}) {
  const team = await seedProjectTeam(testDb.db);
  const projectId = team.project.id;
  await disableBuiltInDetectors(testDb.db, { projectId, userId: team.members.admin.id });
  const queue = await seedQueue(testDb.db, { projectId, name: "Support replies" });
  const lead = callerOf(team.members.lead);
  const rule = await lead.alerts.rules.create({
    projectId,
    name: "Approvals saturating",
    metric: "labels.approval",
    comparator: ">",
    threshold: 0.9,
    queueId: queue.id,
    sustainedWindows: 2,
    clearWindows: 2,
    severity: options.severity ?? "warning",
  });
  /** Writes the approval share of day `index`. */
  const approval = (index: number, value: number) => insertMetricPoints(testDb.db, { projectId, queueId: queue.id, metric: "labels.approval", lastWindow: dayAt(index), values: [value] });
  const evaluateOn = (index: number) => evaluateAlerts(testDb.db, projectId, { granularity: "day", now: noonOf(dayAt(index)) });
  const alerts = () => testDb.db.selectFrom("alerts").selectAll().where("project_id", "=", projectId).orderBy("opened_at").execute();
  return { team, projectId, queue, rule, lead, approval, evaluateOn, alerts };
}

describe("evaluateAlerts with a threshold rule", () => {
  it("raises only once the condition is sustained, with the series, threshold, queue and sample items as evidence, and then deduplicates", async () => {
    const world = await seedRuleWorld();
    for (const [index, value] of [0.5, 0.95, 0.5, 0.95].entries()) await world.approval(index, value);
    expect(await world.evaluateOn(3)).toEqual({ raised: [], resolved: [] });

    await world.approval(4, 0.97);
    const gold = await seedGold(testDb.db, { projectId: world.projectId, queueId: world.queue.id, label: "helpful" });
    await testDb.db.updateTable("gold_labels").set({ created_at: new Date(dayAt(4).getTime() + 3_600_000) }).where("id", "=", gold.goldLabelId).execute();
    const { raised } = await world.evaluateOn(4);
    expect(raised).toEqual([
      {
        id: expect.any(String),
        detector: "rule",
        scopeKey: `rule:${world.rule.id}/queue:${world.queue.id}`,
        title: "Rule 'Approvals saturating': Approval share in 'Support replies' is > 0.9 for 2 days (latest 0.97)",
        firstWindow: dayAt(3),
      },
    ]);
    const [alert] = await world.alerts();
    expect(alert).toMatchObject({ state: "open", severity: "warning", rule_id: world.rule.id, queue_id: world.queue.id, first_window: dayAt(3), last_firing_window: dayAt(4) });
    expect(alert!.evidence).toMatchObject({
      granularity: "day",
      definition: null,
      rule: { id: world.rule.id, metric: "labels.approval", comparator: ">", threshold: 0.9, sustainedWindows: 2, clearWindows: 2 },
      threshold: { comparator: ">", value: 0.9 },
      queue: { id: world.queue.id, name: "Support replies" },
      annotator: null,
      latestFiringWindow: dayAt(4).toISOString(),
      sampleItems: [{ queueItemId: gold.queueItemId, queueId: world.queue.id, path: `/p/${world.team.project.slug}/items/${gold.queueItemId}` }],
    });
    expect((alert!.evidence as { series: unknown[] }).series).toEqual(
      [0.5, 0.95, 0.5, 0.95, 0.97].map((value, index) => ({
        window: dayAt(index).toISOString(),
        statistic: value,
        band: { lower: null, upper: 0.9 },
        n: 50,
        firing: value > 0.9,
        pValue: null,
      })),
    );

    expect(await world.evaluateOn(4)).toEqual({ raised: [], resolved: [] });
    await world.approval(5, 0.99);
    expect(await world.evaluateOn(5)).toEqual({ raised: [], resolved: [] });
    const [still] = await world.alerts();
    expect(still).toMatchObject({ id: alert!.id, last_firing_window: dayAt(5), clear_streak: 0 });
  });

  it("raises once when two evaluations race", async () => {
    const world = await seedRuleWorld();
    await world.approval(0, 0.95);
    await world.approval(1, 0.96);
    const outcomes = await Promise.all([world.evaluateOn(1), world.evaluateOn(1), world.evaluateOn(1)]);
    expect(outcomes.flatMap((outcome) => outcome.raised)).toHaveLength(1);
    expect(await world.alerts()).toHaveLength(1);
  });

  it("resolves once the condition has been clear for the rule's clear windows (a window without data is clear), and raises anew after", async () => {
    const world = await seedRuleWorld();
    await world.approval(0, 0.95);
    await world.approval(1, 0.96);
    const [raised] = (await world.evaluateOn(1)).raised;

    await world.approval(2, 0.4);
    expect(await world.evaluateOn(2)).toEqual({ raised: [], resolved: [] });
    expect((await world.alerts())[0]).toMatchObject({ state: "open", clear_streak: 1 });

    const { resolved } = await world.evaluateOn(3);
    expect(resolved).toEqual([{ id: raised!.id, detector: "rule", scopeKey: raised!.scopeKey, title: raised!.title, firstWindow: dayAt(0) }]);
    expect((await world.alerts())[0]).toMatchObject({ state: "resolved", resolved_reason: "cleared", clear_streak: 2, resolved_at: expect.any(Date) });
    expect(await world.evaluateOn(3)).toEqual({ raised: [], resolved: [] });

    await world.approval(4, 0.99);
    await world.approval(5, 0.99);
    const again = await world.evaluateOn(5);
    expect(again.raised).toHaveLength(1);
    expect(again.raised[0]!.id).not.toBe(raised!.id);
    expect((await world.alerts()).map((alert) => alert.state)).toEqual(["resolved", "open"]);
  });

  it("ignores the window still open: a value of today does not fire before the day ends", async () => {
    const world = await seedRuleWorld();
    await world.approval(0, 0.95);
    await world.approval(1, 0.96);
    expect(await evaluateAlerts(testDb.db, world.projectId, { granularity: "day", now: new Date(dayAt(1).getTime() + 3_600_000) })).toEqual({ raised: [], resolved: [] });
    expect(await world.alerts()).toEqual([]);
  });
});

describe("acting on alerts", () => {
  it("moves open → acknowledged, snoozes and unsnoozes, with audit entries; the loop is alerting unless every live alert is snoozed", async () => {
    const world = await seedRuleWorld();
    expect(await readLoopHealth(testDb.db, world.projectId)).toBe("ok");
    await world.approval(0, 0.95);
    await world.approval(1, 0.96);
    const [raised] = (await world.evaluateOn(1)).raised;
    const alertId = raised!.id;
    const projectId = world.projectId;
    expect(await readLoopHealth(testDb.db, projectId)).toBe("alerting");

    const annotator = callerOf(world.team.members.annotator);
    expect(await annotator.alerts.list({ projectId })).toEqual([expect.objectContaining({ id: alertId, state: "open", isSnoozed: false })]);
    expect(await annotator.alerts.get({ projectId, alertId })).toMatchObject({ id: alertId, evidence: expect.objectContaining({ rule: expect.anything() }) });
    await expect(annotator.alerts.acknowledge({ projectId, alertId })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const acknowledged = await world.lead.alerts.acknowledge({ projectId, alertId });
    expect(acknowledged).toMatchObject({ state: "acknowledged", acknowledgedBy: world.team.members.lead.id, acknowledgedAt: expect.any(Date) });
    expect(await world.lead.alerts.acknowledge({ projectId, alertId })).toMatchObject({ state: "acknowledged" });
    expect(await readLoopHealth(testDb.db, projectId)).toBe("alerting");

    const snoozed = await world.lead.alerts.snooze({ projectId, alertId, hours: 4 });
    expect(snoozed).toMatchObject({ isSnoozed: true, snoozedUntil: expect.any(Date) });
    expect(snoozed.snoozedUntil!.getTime()).toBeGreaterThan(Date.now() + 3.9 * 3_600_000);
    expect(await readLoopHealth(testDb.db, projectId)).toBe("ok");
    expect(await world.lead.alerts.unsnooze({ projectId, alertId })).toMatchObject({ isSnoozed: false, snoozedUntil: null });
    expect(await readLoopHealth(testDb.db, projectId)).toBe("alerting");

    const audit = await testDb.db.selectFrom("audit_log").select(["action", "actor_user_id as actor"]).where("target_id", "=", alertId).orderBy("id").execute();
    expect(audit).toEqual(["alert.acknowledged", "alert.snoozed", "alert.unsnoozed"].map((action) => ({ action, actor: world.team.members.lead.id })));

    await world.evaluateOn(3);
    expect(await readLoopHealth(testDb.db, projectId)).toBe("ok");
    const refusal = await world.lead.alerts.snooze({ projectId, alertId, hours: 1 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TRPCError);
    expect(refusal).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/resolved/) });
    await expect(world.lead.alerts.acknowledge({ projectId, alertId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("keeps the loop ok for info alerts, and hides alerts of other projects", async () => {
    const world = await seedRuleWorld({ severity: "info" });
    await world.approval(0, 0.95);
    await world.approval(1, 0.96);
    const [raised] = (await world.evaluateOn(1)).raised;
    expect(await readLoopHealth(testDb.db, world.projectId)).toBe("ok");

    const other = await seedProjectTeam(testDb.db);
    const outsider = callerOf(other.members.admin);
    await expect(outsider.alerts.get({ projectId: other.project.id, alertId: raised!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.alerts.acknowledge({ projectId: other.project.id, alertId: raised!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await outsider.alerts.list({ projectId: other.project.id })).toEqual([]);
  });

  it("resolves a rule's live alerts when the rule is turned off, and deletes them with the rule", async () => {
    const world = await seedRuleWorld();
    await world.approval(0, 0.95);
    await world.approval(1, 0.96);
    await world.evaluateOn(1);
    await world.lead.alerts.rules.update({ projectId: world.projectId, ruleId: world.rule.id, isEnabled: false });
    expect(await world.alerts()).toEqual([expect.objectContaining({ state: "resolved", resolved_reason: "disabled" })]);
    expect(await readLoopHealth(testDb.db, world.projectId)).toBe("ok");
    expect(await world.evaluateOn(1)).toEqual({ raised: [], resolved: [] });

    await world.lead.alerts.rules.update({ projectId: world.projectId, ruleId: world.rule.id, isEnabled: true });
    expect((await world.evaluateOn(1)).raised).toHaveLength(1);
    await world.lead.alerts.rules.delete({ projectId: world.projectId, ruleId: world.rule.id });
    expect(await world.alerts()).toEqual([]);
    expect(await world.lead.alerts.rules.list({ projectId: world.projectId })).toEqual([]);
    const actions = await testDb.db.selectFrom("audit_log").select("action").where("target_id", "=", world.rule.id).orderBy("id").execute();
    expect(actions.map((entry) => entry.action)).toEqual(["alert_rule.created", "alert_rule.updated", "alert_rule.updated", "alert_rule.deleted"]);
  });
});
