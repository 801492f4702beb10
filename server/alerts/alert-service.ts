import type { Kysely, Transaction } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { InvalidStateError, NotFoundError } from "@/server/lib/errors";
import { auditActor, type AlertActor } from "./actor";
import { granularities } from "@/server/metrics/catalog";
import { findAlert, listAlerts, lockAlertEvaluation, lockAlert, lockLiveAlertsOf, markAcknowledged, markResolved, setSnoozedUntil, type AlertDetail, type AlertView } from "./alert-queries";
import { emitAlertEvent } from "./events";
import type { ListAlertsInput, SnoozeAlertInput } from "./schema";

const HOUR_MS = 3_600_000;
const notFound = () => new NotFoundError("no such alert in this project", { field: "alertId" });

/** Whether a snooze is running now: a snoozed alert neither counts as alerting nor notifies. */
const withSnooze = <Alert extends AlertView>(alert: Alert, now = new Date()) => ({ ...alert, isSnoozed: alert.snoozedUntil !== null && alert.snoozedUntil > now });

export async function listProjectAlerts(db: Kysely<DB>, projectId: string, filter: ListAlertsInput) {
  const now = new Date();
  return (await listAlerts(db, projectId, filter)).map((alert) => withSnooze(alert, now));
}

export async function getProjectAlert(db: Kysely<DB>, projectId: string, alertId: string) {
  const alert = await findAlert(db, projectId, alertId);
  if (!alert) throw notFound();
  return withSnooze(alert);
}

/** Locks a live alert for a person's change; a resolved one cannot be acknowledged or snoozed. */
async function lockLiveAlert(trx: Transaction<DB>, projectId: string, alertId: string, verb: string) {
  const alert = await lockAlert(trx, projectId, alertId);
  if (!alert) throw notFound();
  if (alert.state === "resolved") throw new InvalidStateError(`this alert is resolved; there is nothing to ${verb}`, { field: "alertId" });
  return alert;
}

async function readBack(trx: Transaction<DB>, projectId: string, alertId: string) {
  return withSnooze((await findAlert(trx, projectId, alertId)) as AlertDetail);
}

/** open → acknowledged: someone is on it. Acknowledging twice changes nothing. */
export async function acknowledgeAlert(db: Kysely<DB>, actor: AlertActor, alertId: string) {
  return db.transaction().execute(async (trx) => {
    const alert = await lockLiveAlert(trx, actor.projectId, alertId, "acknowledge");
    if (alert.state === "open") {
      await markAcknowledged(trx, alertId, actor.userId);
      await insertAuditEntry(trx, { ...auditActor(actor), action: "alert.acknowledged", targetType: "alert", targetId: alertId });
    }
    return readBack(trx, actor.projectId, alertId);
  });
}

/** Silences a live alert for `hours`: it does not count as alerting, and the loop-health header reads ok, until then. */
export async function snoozeAlert(db: Kysely<DB>, actor: AlertActor, input: SnoozeAlertInput) {
  return db.transaction().execute(async (trx) => {
    await lockLiveAlert(trx, actor.projectId, input.alertId, "snooze");
    const until = new Date(Date.now() + input.hours * HOUR_MS);
    await setSnoozedUntil(trx, input.alertId, until);
    await insertAuditEntry(trx, { ...auditActor(actor), action: "alert.snoozed", targetType: "alert", targetId: input.alertId, data: { hours: input.hours, until: until.toISOString() } });
    return readBack(trx, actor.projectId, input.alertId);
  });
}

/** Ends a snooze now. */
export async function unsnoozeAlert(db: Kysely<DB>, actor: AlertActor, alertId: string) {
  return db.transaction().execute(async (trx) => {
    await lockLiveAlert(trx, actor.projectId, alertId, "unsnooze");
    await setSnoozedUntil(trx, alertId, null);
    await insertAuditEntry(trx, { ...auditActor(actor), action: "alert.unsnoozed", targetType: "alert", targetId: alertId });
    return readBack(trx, actor.projectId, alertId);
  });
}

/**
 * Resolves the live alerts of a rule or detector being turned off or deleted, announcing each with
 * `alert.resolved`, so an optimizer paused on them does not wait for an alert nothing evaluates any more.
 */
export async function resolveAlertsOf(trx: Transaction<DB>, projectId: string, source: { ruleId: string } | { detector: string }, reason: string): Promise<number> {
  await lockAlertEvaluation(trx, projectId, granularities);
  const alerts = await lockLiveAlertsOf(trx, projectId, source);
  for (const alert of alerts) {
    await markResolved(trx, alert.id, { reason });
    await emitAlertEvent(trx, projectId, "alert.resolved", alert.id);
  }
  return alerts.length;
}
