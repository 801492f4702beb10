import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";
import { granularities, metricNames, type MetricName } from "@/server/metrics/catalog";
import { detectorIds } from "./detectors/types";

/** An alert's life: raised, seen by someone, over (cleared by itself, or its detector turned off). */
export const ALERT_STATES = ["open", "acknowledged", "resolved"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const ALERT_SEVERITIES = ["info", "warning", "critical"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** How a rule compares a metric's value with its threshold; it fires when `value <comparator> threshold`. */
export const RULE_COMPARATORS = [">", ">=", "<", "<="] as const;
export type RuleComparator = (typeof RULE_COMPARATORS)[number];

/** The `detector` of alerts raised by user threshold rules (built-in detectors use their ids). */
export const RULE_DETECTOR = "rule";

/** Built-in detectors raise warnings unless the project chose another severity. */
export const BUILT_IN_SEVERITY: AlertSeverity = "warning";
/** Built-in detectors' alerts resolve after this many windows in a row without their condition. */
export const BUILT_IN_CLEAR_WINDOWS = 3;

/** Thresholds beyond this are mistakes: no metric in the catalog reaches it. */
const THRESHOLD_LIMIT = 1e9;
const MAX_WINDOWS = 90;

const windowsSchema = (field: string) =>
  z
    .number(`${field} must be a number of windows`)
    .int(`${field} must be a whole number of windows`)
    .min(1, `${field} is at least 1`)
    .max(MAX_WINDOWS, `${field} is at most ${MAX_WINDOWS}`);

const ruleFields = {
  name: safeText(120, { trim: true, error: "name the rule", tooLong: "use a name of at most 120 characters" }).min(1, "name the rule"),
  metric: z.enum(metricNames as [MetricName, ...MetricName[]], `metric must be one of ${metricNames.join(", ")}`),
  comparator: z.enum(RULE_COMPARATORS, `comparator must be one of ${RULE_COMPARATORS.join(" ")}`),
  // Zod 4 numbers refuse NaN and ±Infinity (the text "NaN" is no number either).
  threshold: z
    .number("threshold must be a finite number")
    .min(-THRESHOLD_LIMIT, "threshold must be at least -1,000,000,000")
    .max(THRESHOLD_LIMIT, "threshold must be at most 1,000,000,000"),
  /** Null watches every queue (or the whole project, for project metrics). */
  queueId: z.uuid("queueId must be a queue id").nullable(),
  granularity: z.enum(granularities, `granularity must be one of ${granularities.join(", ")}`),
  sustainedWindows: windowsSchema("sustainedWindows"),
  clearWindows: windowsSchema("clearWindows"),
  severity: z.enum(ALERT_SEVERITIES, `severity must be one of ${ALERT_SEVERITIES.join(", ")}`),
  isEnabled: z.boolean("isEnabled is true or false"),
};

export const createAlertRuleSchema = z.object({
  name: ruleFields.name,
  metric: ruleFields.metric,
  comparator: ruleFields.comparator,
  threshold: ruleFields.threshold,
  queueId: ruleFields.queueId.default(null),
  granularity: ruleFields.granularity.default("day"),
  sustainedWindows: ruleFields.sustainedWindows.default(1),
  clearWindows: ruleFields.clearWindows.default(BUILT_IN_CLEAR_WINDOWS),
  severity: ruleFields.severity.default("warning"),
  isEnabled: ruleFields.isEnabled.default(true),
});
export type CreateAlertRuleInput = z.infer<typeof createAlertRuleSchema>;

/** What a PATCH may change; the id travels in the path (REST) or beside it (tRPC). */
export const alertRulePatchSchema = z.object({
  name: ruleFields.name.optional(),
  metric: ruleFields.metric.optional(),
  comparator: ruleFields.comparator.optional(),
  threshold: ruleFields.threshold.optional(),
  queueId: ruleFields.queueId.optional(),
  granularity: ruleFields.granularity.optional(),
  sustainedWindows: ruleFields.sustainedWindows.optional(),
  clearWindows: ruleFields.clearWindows.optional(),
  severity: ruleFields.severity.optional(),
  isEnabled: ruleFields.isEnabled.optional(),
});
export type AlertRulePatch = z.infer<typeof alertRulePatchSchema>;

export const alertRuleIdSchema = z.object({ ruleId: z.uuid("ruleId must be an alert rule id") });
export const updateAlertRuleSchema = alertRuleIdSchema.extend(alertRulePatchSchema.shape);
export type UpdateAlertRuleInput = z.infer<typeof updateAlertRuleSchema>;

export const alertIdSchema = z.object({ alertId: z.uuid("alertId must be an alert id") });

export const listAlertsSchema = z.object({
  state: z.enum(ALERT_STATES, `state is one of ${ALERT_STATES.join(", ")}`).optional(),
  limit: z.number("limit must be a number").int("limit must be a whole number").min(1, "limit is at least 1").max(200, "limit is at most 200").default(100),
});
export type ListAlertsInput = z.infer<typeof listAlertsSchema>;

/** `GET /api/v1/alerts?state=&limit=`: the same options, from query text. */
export const listAlertsQuerySchema = z.object({
  state: listAlertsSchema.shape.state,
  limit: safeText(10)
    .regex(/^[0-9]+$/, "limit must be a whole number")
    .transform(Number)
    .pipe(listAlertsSchema.shape.limit.unwrap())
    .optional(),
});

const MAX_SNOOZE_HOURS = 24 * 30;
export const snoozeAlertSchema = alertIdSchema.extend({
  hours: z
    .number("hours must be a number")
    .int("hours must be a whole number")
    .min(1, "snooze for at least 1 hour")
    .max(MAX_SNOOZE_HOURS, `snooze for at most ${MAX_SNOOZE_HOURS} hours (30 days)`),
});
export type SnoozeAlertInput = z.infer<typeof snoozeAlertSchema>;

export const setDetectorEnabledSchema = z.object({
  detector: z.enum(detectorIds, `detector must be one of ${detectorIds.join(", ")}`),
  enabled: z.boolean("enabled is true or false"),
});
export type SetDetectorEnabledInput = z.infer<typeof setDetectorEnabledSchema>;

export const setDetectorSeveritySchema = z.object({
  detector: setDetectorEnabledSchema.shape.detector,
  severity: z.enum(ALERT_SEVERITIES, `severity must be one of ${ALERT_SEVERITIES.join(", ")}`),
});
export type SetDetectorSeverityInput = z.infer<typeof setDetectorSeveritySchema>;

/** Path segments of `/api/v1/alerts/{id}` and `/api/v1/alert-rules/{id}`. */
export const alertPathIdSchema = safeText(100).pipe(z.uuid("the path must end in an alert id"));
export const alertRulePathIdSchema = safeText(100).pipe(z.uuid("the path must end in an alert rule id"));
