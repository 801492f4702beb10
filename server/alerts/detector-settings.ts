import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { auditActor, type AlertActor } from "./actor";
import { resolveAlertsOf } from "./alert-service";
import { detectorDefinitions } from "./detectors";
import { detectorIds, type DetectorDefinition, type DetectorId } from "./detectors/types";
import type { SetDetectorEnabledInput } from "./schema";

type Executor = Kysely<DB> | Transaction<DB>;

/** The built-in detectors a project runs: all of them, but those it turned off. */
export async function readEnabledDetectors(db: Executor, projectId: string): Promise<Set<DetectorId>> {
  const disabled = await db.selectFrom("detector_settings").select("detector").where("project_id", "=", projectId).where("is_enabled", "=", false).execute();
  const off = new Set(disabled.map((row) => row.detector));
  return new Set(detectorIds.filter((id) => !off.has(id)));
}

/** Every built-in detector's definition, and whether the project runs it. */
export async function listProjectDetectors(db: Kysely<DB>, projectId: string): Promise<Array<DetectorDefinition & { isEnabled: boolean }>> {
  const enabled = await readEnabledDetectors(db, projectId);
  return detectorDefinitions.map((definition) => ({ ...definition, isEnabled: enabled.has(definition.id) }));
}

/** Turns a built-in detector on or off for the project; turning it off resolves its live alerts. */
export async function setDetectorEnabled(db: Kysely<DB>, actor: AlertActor, input: SetDetectorEnabledInput) {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("detector_settings")
      .values({ project_id: actor.projectId, detector: input.detector, is_enabled: input.enabled })
      .onConflict((conflict) => conflict.columns(["project_id", "detector"]).doUpdateSet({ is_enabled: input.enabled, updated_at: sql`now()` }))
      .execute();
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
