import { projectProcedure, requireRole, router } from "@/server/api/trpc";
import { acknowledgeAlert, getProjectAlert, listProjectAlerts, snoozeAlert, unsnoozeAlert } from "./alert-service";
import { listProjectDetectors, setDetectorEnabled, setDetectorSeverity } from "./detector-settings";
import { createAlertRule, deleteAlertRule, listAlertRules, updateAlertRule } from "./rule-service";
import { alertIdSchema, alertRuleIdSchema, createAlertRuleSchema, listAlertsSchema, setDetectorEnabledSchema, setDetectorSeveritySchema, snoozeAlertSchema, updateAlertRuleSchema } from "./schema";

/** Leads own the loop's quality and admins everything: they manage rules and detectors and act on alerts. Every member reads them. */
const managers = requireRole("lead", "admin");

export const alertsRouter = router({
  list: projectProcedure.input(listAlertsSchema).query(({ ctx, input }) => listProjectAlerts(ctx.db, ctx.membership.projectId, input)),
  get: projectProcedure.input(alertIdSchema).query(({ ctx, input }) => getProjectAlert(ctx.db, ctx.membership.projectId, input.alertId)),
  acknowledge: managers.input(alertIdSchema).mutation(({ ctx, input }) => acknowledgeAlert(ctx.db, ctx.actor, input.alertId)),
  snooze: managers.input(snoozeAlertSchema).mutation(({ ctx, input }) => snoozeAlert(ctx.db, ctx.actor, input)),
  unsnooze: managers.input(alertIdSchema).mutation(({ ctx, input }) => unsnoozeAlert(ctx.db, ctx.actor, input.alertId)),
  rules: router({
    list: projectProcedure.query(({ ctx }) => listAlertRules(ctx.db, ctx.membership.projectId)),
    create: managers.input(createAlertRuleSchema).mutation(({ ctx, input }) => createAlertRule(ctx.db, ctx.actor, input)),
    update: managers.input(updateAlertRuleSchema).mutation(({ ctx, input }) => updateAlertRule(ctx.db, ctx.actor, input)),
    delete: managers.input(alertRuleIdSchema).mutation(({ ctx, input }) => deleteAlertRule(ctx.db, ctx.actor, input.ruleId)),
  }),
  detectors: router({
    list: projectProcedure.query(({ ctx }) => listProjectDetectors(ctx.db, ctx.membership.projectId)),
    setEnabled: managers.input(setDetectorEnabledSchema).mutation(({ ctx, input }) => setDetectorEnabled(ctx.db, ctx.actor, input)),
    setSeverity: managers.input(setDetectorSeveritySchema).mutation(({ ctx, input }) => setDetectorSeverity(ctx.db, ctx.actor, input)),
  }),
});
