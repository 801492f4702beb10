/**
 * The job the metrics refresh hands each project to once its points are current, so alerts are always
 * evaluated on fresh windows. Payload: `{ projectId }`.
 */
export const ALERTS_EVALUATE_JOB = "alerts.evaluate";
export type AlertsEvaluatePayload = { projectId: string };
