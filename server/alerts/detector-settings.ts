import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { auditActor, type AlertActor } from "./actor";
import { resolveAlertsOf } from "./alert-service";
import { detectorDefinitions } from "./detectors";
import { detectorIds, type DetectorDefinition, type DetectorId } from "./detectors/types";
import { BUILT_IN_SEVERITY, type AlertSeverity, type SetDetectorEnabledInput, type SetDetectorSeverityInput } from "./schema";
import type { Executor } from "@/db/executor";

export type DetectorSettings = { enabled: Set<DetectorId>; severityOf: (detector: DetectorId) => AlertSeverity };

/** Which built-in detectors the project runs (all but those it turned off) and how serious their alerts are (warning unless it chose). */
export async function readDetectorSettings(db: Executor, projectId: string): Promise<DetectorSettings> {
  const rows = await db.selectFrom("detector_settings").select(["detector", "is_enabled as isEnabled", "severity"]).where("project_id", "=", projectId).execute();
  const chosen = new Map(rows.map((row) => [row.detector, row]));
  return {
    enabled: new Set(detectorIds.filter((id) => chosen.get(id)?.isEnabled !== false)),
    severityOf: (detector) => (chosen.get(detector)?.severity as AlertSeverity | undefined) ?? BUILT_IN_SEVERITY,
  };
}

/** Every built-in detector's definition, whether the project runs it, and the severity of its alerts. */
export async function listProjectDetectors(db: Kysely<DB>, projectId: string): Promise<Array<DetectorDefinition & { isEnabled: boolean; severity: AlertSeverity }>> {
  const settings = await readDetectorSettings(db, projectId);
  return detectorDefinitions.map((definition) => ({ ...definition, isEnabled: settings.enabled.has(definition.id), severity: settings.severityOf(definition.id) }));
}

async function upsertSetting(trx: Transaction<DB>, projectId: string, detector: DetectorId, change: { is_enabled?: boolean; severity?: AlertSeverity }) {
  await trx
    .insertInto("detector_settings")
    .values({ project_id: projectId, detector, ...change })
    .onConflict((conflict) => conflict.columns(["project_id", "detector"]).doUpdateSet({ ...change, updated_at: sql`now()` }))
    .execute();
}

/** Turns a built-in detector on or off for the project; turning it off resolves its live alerts. */
export async function setDetectorEnabled(db: Kysely<DB>, actor: AlertActor, input: SetDetectorEnabledInput) {
  return db.transaction().execute(async (trx) => {
    await upsertSetting(trx, actor.projectId, input.detector, { is_enabled: input.enabled });
    const resolved = input.enabled ? 0 : await resolveAlertsOf(trx, actor.projectId, { detector: input.detector }, "disabled");
    await insertAuditEntry(trx, {
      ...auditActor(actor),
      action: input.enabled ? "detector.enabled" : "detector.disabled",
      targetType: "detector",
      targetId: input.detector,
      data: { resolvedAlerts: resolved },
    });
    return { detector: input.detector, isEnabled: input.enabled, resolvedAlerts: resolved };
  });
}

/**
 * Sets the severity of a built-in detector's alerts: `info` alerts never make the loop-health header read
 * `alerting`. Live alerts take it on at their next firing window.
 */
export async function setDetectorSeverity(db: Kysely<DB>, actor: AlertActor, input: SetDetectorSeverityInput) {
  return db.transaction().execute(async (trx) => {
    await upsertSetting(trx, actor.projectId, input.detector, { severity: input.severity });
    await insertAuditEntry(trx, { ...auditActor(actor), action: "detector.severity_changed", targetType: "detector", targetId: input.detector, data: { severity: input.severity } });
    return { detector: input.detector, severity: input.severity };
  });
}
