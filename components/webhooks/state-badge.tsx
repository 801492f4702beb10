import { Badge } from "@/components/ui/badge";
import type { WebhookDeliveryState } from "@/server/webhooks/schema";

const TONES = { pending: "gold", queued: "blue", succeeded: "green", failed: "red" } as const;
const LABELS: Record<WebhookDeliveryState, string> = { pending: "retrying", queued: "sending", succeeded: "delivered", failed: "failed" };

/** A delivery's state in words people use; a pending delivery that has been tried is retrying, one never tried is waiting. */
export function DeliveryStateBadge({ state, attemptCount }: { state: WebhookDeliveryState; attemptCount: number }) {
  return <Badge tone={TONES[state]}>{state === "pending" && attemptCount === 0 ? "waiting" : LABELS[state]}</Badge>;
}

/** An endpoint's switch, whether its deliveries are failing, and whether Goldloop turned it off. */
export function EndpointStateBadge({ isEnabled, isFailing, wasAutoDisabled }: { isEnabled: boolean; isFailing: boolean; wasAutoDisabled: boolean }) {
  if (isEnabled) return <Badge tone={isFailing ? "gold" : "green"}>{isFailing ? "on, failing" : "on"}</Badge>;
  return <Badge tone="red">{wasAutoDisabled ? "turned off after failures" : "off"}</Badge>;
}
