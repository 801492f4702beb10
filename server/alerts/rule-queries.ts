import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { Granularity, MetricName } from "@/server/metrics/catalog";
import type { AlertSeverity, CreateAlertRuleInput, AlertRulePatch, RuleComparator } from "./schema";
import type { Executor } from "@/db/executor";

const ruleColumns = [
  "alert_rules.id",
  "alert_rules.name",
  "alert_rules.metric",
  "alert_rules.comparator",
  "alert_rules.threshold",
  "alert_rules.queue_id as queueId",
  "alert_rules.granularity",
  "alert_rules.sustained_windows as sustainedWindows",
  "alert_rules.clear_windows as clearWindows",
  "alert_rules.severity",
  "alert_rules.is_enabled as isEnabled",
  "alert_rules.created_by as createdBy",
  "alert_rules.created_at as createdAt",
  "alert_rules.updated_at as updatedAt",
] as const;

/** The CHECK constraints and the input schema keep these columns within their types. */
type NarrowedRule = { metric: MetricName; comparator: RuleComparator; granularity: Granularity; severity: AlertSeverity };

export type AlertRuleView = Awaited<ReturnType<typeof listRules>>[number];

export async function listRules(db: Executor, projectId: string) {
  return db
    .selectFrom("alert_rules")
    .leftJoin("queues", "queues.id", "alert_rules.queue_id")
    .select([...ruleColumns, "queues.name as queueName"])
    .where("alert_rules.project_id", "=", projectId)
    .orderBy("alert_rules.created_at", "asc")
    .orderBy("alert_rules.id", "asc")
    .$narrowType<NarrowedRule>()
    .execute();
}

export async function findRule(db: Executor, projectId: string, ruleId: string) {
  return db
    .selectFrom("alert_rules")
    .leftJoin("queues", "queues.id", "alert_rules.queue_id")
    .select([...ruleColumns, "queues.name as queueName"])
    .where("alert_rules.project_id", "=", projectId)
    .where("alert_rules.id", "=", ruleId)
    .$narrowType<NarrowedRule>()
    .executeTakeFirst();
}

export async function insertRule(db: Executor, params: CreateAlertRuleInput & { projectId: string; createdBy: string | null }) {
  const { id } = await db
    .insertInto("alert_rules")
    .values({
      project_id: params.projectId,
      queue_id: params.queueId,
      name: params.name,
      metric: params.metric,
      comparator: params.comparator,
      threshold: params.threshold,
      granularity: params.granularity,
      sustained_windows: params.sustainedWindows,
      clear_windows: params.clearWindows,
      severity: params.severity,
      is_enabled: params.isEnabled,
      created_by: params.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return (await findRule(db, params.projectId, id))!;
}

/** Locks the rule so a change and the evaluation that reads it do not interleave. */
export async function lockRule(trx: Transaction<DB>, projectId: string, ruleId: string) {
  return trx.selectFrom("alert_rules").select("id").where("project_id", "=", projectId).where("id", "=", ruleId).forUpdate().executeTakeFirst();
}

export async function updateRule(db: Executor, projectId: string, ruleId: string, patch: AlertRulePatch) {
  const updated = await db
    .updateTable("alert_rules")
    .set({
      name: patch.name,
      metric: patch.metric,
      comparator: patch.comparator,
      threshold: patch.threshold,
      queue_id: patch.queueId,
      granularity: patch.granularity,
      sustained_windows: patch.sustainedWindows,
      clear_windows: patch.clearWindows,
      severity: patch.severity,
      is_enabled: patch.isEnabled,
      updated_at: sql`now()`,
    })
    .where("project_id", "=", projectId)
    .where("id", "=", ruleId)
    .returning("id")
    .executeTakeFirst();
  return updated ? findRule(db, projectId, ruleId) : undefined;
}

/** Deletes the rule; its alerts go with it (the foreign key cascades). */
export async function deleteRule(db: Executor, projectId: string, ruleId: string) {
  return db.deleteFrom("alert_rules").where("project_id", "=", projectId).where("id", "=", ruleId).returning(["id", "name"]).executeTakeFirst();
}

/** The project's enabled rules of one granularity, for evaluation. */
export async function listEnabledRules(db: Executor, projectId: string, granularity: Granularity) {
  return db
    .selectFrom("alert_rules")
    .select(ruleColumns)
    .where("project_id", "=", projectId)
    .where("granularity", "=", granularity)
    .where("is_enabled", "=", true)
    .$narrowType<NarrowedRule>()
    .execute();
}
export type EnabledRule = Awaited<ReturnType<typeof listEnabledRules>>[number];
