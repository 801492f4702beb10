/** The alert list's filters: a snoozed alert is live but set aside, so it shows under "snoozed" only. */
export const alertFilters = ["open", "acknowledged", "snoozed", "resolved"] as const;
export type AlertFilter = (typeof alertFilters)[number];

export const alertFilterLabels: Record<AlertFilter, string> = { open: "Open", acknowledged: "Acknowledged", snoozed: "Snoozed", resolved: "Resolved" };

type FilterableAlert = { state: "open" | "acknowledged" | "resolved"; isSnoozed: boolean };

/** Which filter an alert falls under; every alert falls under exactly one. */
export function filterOf(alert: FilterableAlert): AlertFilter {
  if (alert.state === "resolved") return "resolved";
  return alert.isSnoozed ? "snoozed" : alert.state;
}

/** How many alerts each filter holds, for the filter tabs. */
export function countByFilter(alerts: readonly FilterableAlert[]): Record<AlertFilter, number> {
  const counts: Record<AlertFilter, number> = { open: 0, acknowledged: 0, snoozed: 0, resolved: 0 };
  for (const alert of alerts) counts[filterOf(alert)] += 1;
  return counts;
}

/** How many alerts the list holds, live ones first; the page prefetches the same query. */
export const ALERT_LIST_LIMIT = 200;
