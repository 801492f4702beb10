import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { Granularity } from "@/server/metrics/catalog";
import type { AlertEvidence } from "./evidence-schema";
import type { AlertSeverity, AlertState, ListAlertsInput } from "./schema";
import type { Executor } from "@/db/executor";

const alertColumns = [
  "alerts.id",
  "alerts.detector",
  "alerts.rule_id as ruleId",
  "alerts.queue_id as queueId",
  "alerts.scope_key as scopeKey",
  "alerts.granularity",
  "alerts.severity",
  "alerts.state",
  "alerts.title",
  "alerts.first_window as firstWindow",
  "alerts.last_firing_window as lastFiringWindow",
  "alerts.clear_streak as clearStreak",
  "alerts.opened_at as openedAt",
  "alerts.acknowledged_at as acknowledgedAt",
  "alerts.acknowledged_by as acknowledgedBy",
  "alerts.snoozed_until as snoozedUntil",
  "alerts.resolved_at as resolvedAt",
  "alerts.resolved_reason as resolvedReason",
] as const;

/** The CHECK constraints keep these columns within their types; evidence is written only by the evaluation. */
type NarrowedAlert = { granularity: Granularity; severity: AlertSeverity; state: AlertState };

/** An alert without its evidence, as lists show it. */
export type AlertView = Awaited<ReturnType<typeof listAlerts>>[number];
/** An alert with its evidence. */
export type AlertDetail = AlertView & { evidence: AlertEvidence };

/** The project's alerts, live ones first, then newest first. */
export async function listAlerts(db: Executor, projectId: string, filter: ListAlertsInput) {
  let query = db
    .selectFrom("alerts")
    .select(alertColumns)
    .where("project_id", "=", projectId)
    .orderBy(sql`state = 'resolved'`)
    .orderBy("opened_at", "desc")
    .orderBy("id")
    .limit(filter.limit);
  if (filter.state) query = query.where("state", "=", filter.state);
  return query.$narrowType<NarrowedAlert>().execute();
}

export async function findAlert(db: Executor, projectId: string, alertId: string): Promise<AlertDetail | undefined> {
  const row = await db
    .selectFrom("alerts")
    .select([...alertColumns, "alerts.evidence"])
    .where("project_id", "=", projectId)
    .where("id", "=", alertId)
    .$narrowType<NarrowedAlert>()
    .executeTakeFirst();
  return row ? { ...row, evidence: row.evidence as AlertEvidence } : undefined;
}

/**
 * Serialises what raises and resolves a project's alerts: an evaluation of one granularity, and a rule or
 * detector being turned off (which takes every granularity, in a fixed order, before any row lock). Held
 * to the end of the transaction; taking it again in the same transaction is free.
 */
export async function lockAlertEvaluation(trx: Transaction<DB>, projectId: string, granularities: readonly Granularity[]) {
  for (const granularity of [...granularities].sort()) await sql`select pg_advisory_xact_lock(hashtext(${`alerts:${projectId}:${granularity}`}))`.execute(trx);
}

/** Locks the alert for a state change, so an evaluation and a person never overwrite each other. */
export async function lockAlert(trx: Transaction<DB>, projectId: string, alertId: string) {
  return trx.selectFrom("alerts").select(["id", "state"]).where("project_id", "=", projectId).where("id", "=", alertId).forUpdate().$narrowType<NarrowedAlert>().executeTakeFirst();
}

/** The live (not resolved) alerts of a project and granularity, locked for the evaluation that changes them, with their rule's clear windows. */
export async function lockLiveAlerts(trx: Transaction<DB>, projectId: string, granularity: Granularity) {
  return trx
    .selectFrom("alerts")
    .leftJoin("alert_rules", "alert_rules.id", "alerts.rule_id")
    .select([
      "alerts.id",
      "alerts.detector",
      "alerts.scope_key as scopeKey",
      "alerts.title",
      "alerts.first_window as firstWindow",
      "alerts.last_firing_window as lastFiringWindow",
      "alert_rules.clear_windows as ruleClearWindows",
    ])
    .where("alerts.project_id", "=", projectId)
    .where("alerts.granularity", "=", granularity)
    .where("alerts.state", "<>", "resolved")
    .forUpdate("alerts")
    .execute();
}
export type LiveAlert = Awaited<ReturnType<typeof lockLiveAlerts>>[number];

/** The live alerts raised by one rule or one built-in detector, in any granularity. */
export async function lockLiveAlertsOf(trx: Transaction<DB>, projectId: string, source: { ruleId: string } | { detector: string }) {
  let query = trx.selectFrom("alerts").select("id").where("project_id", "=", projectId).where("state", "<>", "resolved");
  query = "ruleId" in source ? query.where("rule_id", "=", source.ruleId) : query.where("detector", "=", source.detector);
  return query.forUpdate().execute();
}

export type NewAlert = {
  projectId: string;
  queueId: string | null;
  detector: string;
  ruleId: string | null;
  scopeKey: string;
  granularity: Granularity;
  severity: AlertSeverity;
  title: string;
  evidence: AlertEvidence;
  firstWindow: Date;
  lastFiringWindow: Date;
};

/**
 * Raises an alert unless a live one of the same detector and scope exists: the partial unique index
 * decides, so two evaluations racing raise it once. Returns its id, or undefined when it already existed.
 */
export async function insertAlertUnlessLive(trx: Transaction<DB>, alert: NewAlert): Promise<string | undefined> {
  const row = await trx
    .insertInto("alerts")
    .values({
      project_id: alert.projectId,
      queue_id: alert.queueId,
      detector: alert.detector,
      rule_id: alert.ruleId,
      scope_key: alert.scopeKey,
      granularity: alert.granularity,
      severity: alert.severity,
      title: alert.title,
      evidence: JSON.stringify(alert.evidence),
      first_window: alert.firstWindow,
      last_firing_window: alert.lastFiringWindow,
    })
    .onConflict((conflict) => conflict.columns(["project_id", "detector", "granularity", "scope_key"]).where("state", "<>", "resolved").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

/** A live alert still firing: the latest firing window, fresh evidence and title, no clear streak. */
export async function recordAlertFiring(trx: Transaction<DB>, alertId: string, update: { lastFiringWindow: Date; title: string; evidence: AlertEvidence; severity: AlertSeverity }) {
  await trx
    .updateTable("alerts")
    .set({ last_firing_window: update.lastFiringWindow, title: update.title, evidence: JSON.stringify(update.evidence), severity: update.severity, clear_streak: 0 })
    .where("id", "=", alertId)
    .execute();
}

export async function setClearStreak(trx: Transaction<DB>, alertId: string, clearStreak: number) {
  await trx.updateTable("alerts").set({ clear_streak: clearStreak }).where("id", "=", alertId).execute();
}

export async function markResolved(trx: Transaction<DB>, alertId: string, change: { reason: string; clearStreak?: number }) {
  await trx
    .updateTable("alerts")
    .set({ state: "resolved", resolved_at: sql`now()`, resolved_reason: change.reason, clear_streak: change.clearStreak })
    .where("id", "=", alertId)
    .execute();
}

export async function markAcknowledged(trx: Transaction<DB>, alertId: string, userId: string | null) {
  await trx.updateTable("alerts").set({ state: "acknowledged", acknowledged_at: sql`now()`, acknowledged_by: userId }).where("id", "=", alertId).execute();
}

export async function setSnoozedUntil(trx: Transaction<DB>, alertId: string, until: Date | null) {
  await trx.updateTable("alerts").set({ snoozed_until: until }).where("id", "=", alertId).execute();
}

/** True when any live alert of warning or critical severity is not snoozed right now. */
export async function hasAlertingAlert(db: Executor, projectId: string): Promise<boolean> {
  const row = await db
    .selectFrom("alerts")
    .select("id")
    .where("project_id", "=", projectId)
    .where("state", "in", ["open", "acknowledged"])
    .where("severity", "in", ["warning", "critical"])
    .where((eb) => eb.or([eb("snoozed_until", "is", null), eb("snoozed_until", "<=", sql<Date>`now()`)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
