import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";

const severityTone = { info: "blue", warning: "gold", critical: "red" } as const;
const stateTone = { open: "red", acknowledged: "gold", resolved: "green" } as const;

/** An alert's severity, state and snooze as badges, the same on the list and the detail page. */
export function AlertBadges({
  alert,
}: {
  alert: { severity: "info" | "warning" | "critical"; state: "open" | "acknowledged" | "resolved"; isSnoozed: boolean; snoozedUntil: Date | null };
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={severityTone[alert.severity]}>{alert.severity}</Badge>
      <Badge tone={stateTone[alert.state]}>{alert.state}</Badge>
      {alert.isSnoozed && alert.snoozedUntil && alert.state !== "resolved" && (
        <Badge>
          snoozed until&nbsp;
          <DateTime value={alert.snoozedUntil} />
        </Badge>
      )}
    </span>
  );
}
