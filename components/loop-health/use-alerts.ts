"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/api/root";
import { ALERT_LIST_LIMIT } from "./alert-filters";

export type AlertListItem = inferRouterOutputs<AppRouter>["alerts"]["list"][number];
export type AlertDetailData = inferRouterOutputs<AppRouter>["alerts"]["get"];
export type AlertRule = inferRouterOutputs<AppRouter>["alerts"]["rules"]["list"][number];
export type ProjectDetector = inferRouterOutputs<AppRouter>["alerts"]["detectors"]["list"][number];

/** Everything an alert's change shows on: the alert, the list, the health page and the overview tile. */
function useRefreshAlerts() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.loopHealth.pathKey() }),
    ]);
}

export function useAlertList(projectId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.alerts.list.queryOptions({ projectId, limit: ALERT_LIST_LIMIT })).data;
}

/** One alert and what a lead can do about it. */
export function useAlert(projectId: string, alertId: string) {
  const trpc = useTRPC();
  const refresh = useRefreshAlerts();
  const alert = useSuspenseQuery(trpc.alerts.get.queryOptions({ projectId, alertId })).data;
  const options = { onSuccess: refresh };
  return {
    alert,
    acknowledge: useMutation(trpc.alerts.acknowledge.mutationOptions(options)),
    snooze: useMutation(trpc.alerts.snooze.mutationOptions(options)),
    unsnooze: useMutation(trpc.alerts.unsnooze.mutationOptions(options)),
  };
}

export function useAlertRules(projectId: string) {
  const trpc = useTRPC();
  const refresh = useRefreshAlerts();
  const rules = useSuspenseQuery(trpc.alerts.rules.list.queryOptions({ projectId })).data;
  return {
    rules,
    create: useMutation(trpc.alerts.rules.create.mutationOptions({ onSuccess: refresh })),
    remove: useMutation(trpc.alerts.rules.delete.mutationOptions({ onSuccess: refresh })),
  };
}

export function useDetectors(projectId: string) {
  const trpc = useTRPC();
  const refresh = useRefreshAlerts();
  const detectors = useSuspenseQuery(trpc.alerts.detectors.list.queryOptions({ projectId })).data;
  return {
    detectors,
    setEnabled: useMutation(trpc.alerts.detectors.setEnabled.mutationOptions({ onSuccess: refresh })),
    setSeverity: useMutation(trpc.alerts.detectors.setSeverity.mutationOptions({ onSuccess: refresh })),
  };
}
