import { getEnv } from "@/server/lib/env";

/** Which hosts a webhook may reach beyond the public internet. */
export type UrlPolicy = { allowedHosts: readonly string[]; allowPrivate: boolean };

/** How deliveries are retried and when a failing endpoint is turned off. */
export type DeliveryPolicy = { retryScheduleMs: readonly number[]; disableAfterMs: number };

/** The URL policy from GOLDLOOP_WEBHOOK_ALLOWED_HOSTS and GOLDLOOP_WEBHOOK_ALLOW_PRIVATE. */
export function urlPolicyFromEnv(): UrlPolicy {
  const env = getEnv();
  return { allowedHosts: env.GOLDLOOP_WEBHOOK_ALLOWED_HOSTS, allowPrivate: env.GOLDLOOP_WEBHOOK_ALLOW_PRIVATE };
}

/** The delivery policy from GOLDLOOP_WEBHOOK_RETRY_SCHEDULE and GOLDLOOP_WEBHOOK_DISABLE_AFTER. */
export function deliveryPolicyFromEnv(): DeliveryPolicy {
  const env = getEnv();
  return { retryScheduleMs: env.GOLDLOOP_WEBHOOK_RETRY_SCHEDULE, disableAfterMs: env.GOLDLOOP_WEBHOOK_DISABLE_AFTER };
}
