import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache, createElement, type ReactNode } from "react";
import { makeQueryClient } from "./query-client";
import { appRouter } from "./root";
import { createRequestContext } from "./request-context";

/** One QueryClient per server request. */
export const getQueryClient = cache(makeQueryClient);

/** tRPC for React Server Components: `getQueryClient().fetchQuery(trpc.projects.list.queryOptions())`, or prefetchQuery to stream. */
export const trpc = createTRPCOptionsProxy({
  ctx: cache(createRequestContext),
  router: appRouter,
  queryClient: getQueryClient,
});

/** Hands the server's prefetched queries to the client components below it. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return createElement(HydrationBoundary, { state: dehydrate(getQueryClient()) }, children);
}
