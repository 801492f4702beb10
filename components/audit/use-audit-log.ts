"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { auditLogInput, nextAuditCursor } from "./audit-log-input";

/**
 * A project's audit log, newest first, paged on `id` (keyset): each page asks for entries older than the
 * last one shown, so new entries arriving meanwhile never shift or repeat rows.
 */
export function useAuditLog(projectId: string) {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(auditLogInput(projectId), { getNextPageParam: nextAuditCursor }),
  );
  return {
    entries: query.data.pages.flat(),
    hasOlder: query.hasNextPage,
    isLoadingOlder: query.isFetchingNextPage,
    loadOlderError: query.isFetchNextPageError ? query.error : null,
    loadOlder: () => void query.fetchNextPage(),
  };
}
