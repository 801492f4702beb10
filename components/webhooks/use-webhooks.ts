"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import type { WebhookDeliveryState } from "@/server/webhooks/schema";

/** While a delivery is waiting or retrying, the log refreshes on its own so people watch it go out. */
const LIVE_REFRESH_MS = 2_000;

export function useWebhookEndpoints(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoints = useSuspenseQuery(trpc.webhooks.list.queryOptions({ projectId })).data;
  const create = useMutation(trpc.webhooks.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() }) }));
  return { endpoints, create };
}

/** One endpoint and every action on it; each action refreshes the endpoint, the list and the log. */
export function useWebhookEndpoint(projectId: string, endpointId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoint = useSuspenseQuery(trpc.webhooks.get.queryOptions({ projectId, endpointId })).data;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.webhooks.get.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.webhooks.listDeliveries.queryKey() }),
    ]);
  const options = { onSuccess: refresh };
  return {
    endpoint,
    update: useMutation(trpc.webhooks.update.mutationOptions(options)),
    remove: useMutation(trpc.webhooks.delete.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() }) })),
    rotateSecret: useMutation(trpc.webhooks.rotateSecret.mutationOptions(options)),
    disable: useMutation(trpc.webhooks.disable.mutationOptions(options)),
    enable: useMutation(trpc.webhooks.enable.mutationOptions(options)),
    sendTest: useMutation(trpc.webhooks.sendTest.mutationOptions(options)),
    replayFailed: useMutation(trpc.webhooks.replayFailed.mutationOptions(options)),
  };
}

/** How many deliveries a page of the log shows. */
export const DELIVERY_PAGE_SIZE = 50;

export function useWebhookDeliveries(projectId: string, endpointId: string, filter: { state?: WebhookDeliveryState; afterDeliveryId?: string }) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.webhooks.listDeliveries.queryOptions({ projectId, endpointId, ...filter, limit: DELIVERY_PAGE_SIZE }),
    refetchInterval: (query) => (query.state.data?.some((delivery) => delivery.state === "pending" || delivery.state === "queued") ? LIVE_REFRESH_MS : false),
  });
}

export function useWebhookDelivery(projectId: string, deliveryId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const delivery = useSuspenseQuery({
    ...trpc.webhooks.getDelivery.queryOptions({ projectId, deliveryId }),
    refetchInterval: (query) => (query.state.data?.state === "pending" || query.state.data?.state === "queued" ? LIVE_REFRESH_MS : false),
  }).data;
  const replay = useMutation(trpc.webhooks.replayDelivery.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.listDeliveries.queryKey() }) }));
  return { delivery, replay };
}
