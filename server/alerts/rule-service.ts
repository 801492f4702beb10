import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import type { Executor } from "@/db/executor";
import { insertAuditEntry } from "@/server/audit/queries";
import { NotFoundError, ValidationError } from "@/server/lib/errors";
import { granularities, type MetricName } from "@/server/metrics/catalog";
import { auditActor, type AlertActor } from "./actor";
import { lockAlertEvaluation } from "./alert-queries";
import { resolveAlertsOf } from "./alert-service";
import { metricScopeOf } from "./metric-scope";
import { deleteRule, findRule, insertRule, listRules, lockRule, updateRule, type AlertRuleView } from "./rule-queries";
import type { CreateAlertRuleInput, UpdateAlertRuleInput } from "./schema";

const notFound = () => new NotFoundError("no such alert rule in this project", { field: "ruleId" });

/** What the audit log keeps of a rule: everything that decides when it fires. */
const ruleAuditData = (rule: AlertRuleView) => ({
  name: rule.name,
  metric: rule.metric,
  comparator: rule.comparator,
  threshold: rule.threshold,
  queueId: rule.queueId,
  granularity: rule.granularity,
  sustainedWindows: rule.sustainedWindows,
  clearWindows: rule.clearWindows,
  severity: rule.severity,
  isEnabled: rule.isEnabled,
});

/**
 * A rule's queue must be one of the project's (another project's queue is refused as if it did not exist),
 * and only queue and annotator metrics are measured per queue.
 */
async function checkRuleScope(db: Executor, projectId: string, rule: { metric: MetricName; queueId: string | null }) {
  if (rule.queueId === null) return;
  if (metricScopeOf(rule.metric) === "project") {
    throw new ValidationError(`queueId: ${rule.metric} is measured over the whole project; leave queueId empty`, { field: "queueId" });
  }
  const queue = await db.selectFrom("queues").select("id").where("project_id", "=", projectId).where("id", "=", rule.queueId).executeTakeFirst();
  if (!queue) throw new ValidationError("queueId: no queue with this id in the project", { field: "queueId" });
}

export async function listAlertRules(db: Kysely<DB>, projectId: string): Promise<AlertRuleView[]> {
  return listRules(db, projectId);
}

export async function getAlertRule(db: Kysely<DB>, projectId: string, ruleId: string): Promise<AlertRuleView> {
  const rule = await findRule(db, projectId, ruleId);
  if (!rule) throw notFound();
  return rule;
}

export async function createAlertRule(db: Kysely<DB>, actor: AlertActor, input: CreateAlertRuleInput): Promise<AlertRuleView> {
  return db.transaction().execute(async (trx) => {
    await checkRuleScope(trx, actor.projectId, input);
    const rule = await insertRule(trx, { ...input, projectId: actor.projectId, createdBy: actor.userId });
    await insertAuditEntry(trx, { ...auditActor(actor), action: "alert_rule.created", targetType: "alert_rule", targetId: rule.id, data: ruleAuditData(rule) });
    return rule;
  });
}

/**
 * Changes a rule. Its live alerts stay and are judged by the new condition at the next evaluation; turning
 * the rule off resolves them.
 */
export async function updateAlertRule(db: Kysely<DB>, actor: AlertActor, input: UpdateAlertRuleInput): Promise<AlertRuleView> {
  const { ruleId, ...patch } = input;
  return db.transaction().execute(async (trx) => {
    // Before the rule's row: an evaluation holding this lock may be inserting an alert that references the rule.
    await lockAlertEvaluation(trx, actor.projectId, granularities);
    if (!(await lockRule(trx, actor.projectId, ruleId))) throw notFound();
    const current = (await findRule(trx, actor.projectId, ruleId))!;
    await checkRuleScope(trx, actor.projectId, { metric: patch.metric ?? current.metric, queueId: patch.queueId === undefined ? current.queueId : patch.queueId });
    const rule = (await updateRule(trx, actor.projectId, ruleId, patch))!;
    if (current.isEnabled && !rule.isEnabled) await resolveAlertsOf(trx, actor.projectId, { ruleId }, "disabled");
    await insertAuditEntry(trx, { ...auditActor(actor), action: "alert_rule.updated", targetType: "alert_rule", targetId: rule.id, data: ruleAuditData(rule) });
    return rule;
  });
}

/** Deletes a rule with its alerts; the live ones are announced resolved first. */
export async function deleteAlertRule(db: Kysely<DB>, actor: AlertActor, ruleId: string): Promise<{ id: string }> {
  return db.transaction().execute(async (trx) => {
    await lockAlertEvaluation(trx, actor.projectId, granularities);
    if (!(await lockRule(trx, actor.projectId, ruleId))) throw notFound();
    await resolveAlertsOf(trx, actor.projectId, { ruleId }, "rule deleted");
    const deleted = await deleteRule(trx, actor.projectId, ruleId);
    if (!deleted) throw notFound();
    await insertAuditEntry(trx, { ...auditActor(actor), action: "alert_rule.deleted", targetType: "alert_rule", targetId: deleted.id, data: { name: deleted.name } });
    return { id: deleted.id };
  });
}
