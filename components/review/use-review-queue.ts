"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { useCallback, useEffect, useRef, useState } from "react";
import { toClaimRefusal, type ClaimRefusal } from "@/components/gold-items/claim-refusal";
import { THREAD_STALE_MS } from "@/components/threads/use-thread";
import { useTRPC } from "@/components/trpc/provider";
import { errorMessage } from "@/components/ui/form-errors";
import type { AppRouter } from "@/server/api/root";
import type { SkipAssignmentInput, SubmitAnnotationInput } from "@/server/review/schema";
import { useLeaseHeartbeat } from "./use-lease-heartbeat";

export type ReviewTask = NonNullable<inferRouterOutputs<AppRouter>["review"]["claimNext"]>;

export type ReviewState =
  | { phase: "loading" }
  | { phase: "ready"; task: ReviewTask; leaseExpiresAt: Date; leaseError: string | null }
  | { phase: "empty" }
  | { phase: "refused"; refusal: ClaimRefusal }
  | { phase: "error"; message: string };

/** A claim made while the annotator works on the current item, so the next one shows without a round trip. */
type Prefetch = { promise: Promise<ReviewTask | null>; task: ReviewTask | null | undefined };

function describeError(error: unknown): string {
  return (error instanceof TRPCClientError ? errorMessage(error) : undefined) ?? (error instanceof Error ? error.message : "something went wrong");
}

/** A failed claim: a pause or a daily cap is a state to explain, anything else an error to retry. */
function failedClaimState(error: unknown): ReviewState {
  const refusal = toClaimRefusal(error);
  return refusal ? { phase: "refused", refusal } : { phase: "error", message: describeError(error) };
}

/**
 * The annotator's place in a queue: the current task plus one prefetched claim. Submit and skip move to
 * the prefetched task at once and prefetch again; leases of both are kept alive while the page is visible.
 */
export function useReviewQueue(projectId: string, queueId: string, leaseSeconds: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { mutateAsync: claimNext } = useMutation(trpc.review.claimNext.mutationOptions());
  const { mutateAsync: heartbeat } = useMutation(trpc.review.heartbeat.mutationOptions());
  const submitMutation = useMutation(trpc.review.submit.mutationOptions());
  const skipMutation = useMutation(trpc.review.skip.mutationOptions());
  const [state, setState] = useState<ReviewState>({ phase: "loading" });
  /** The assignment on screen, known at once (the state only after the next render). */
  const shownId = useRef<number | null>(null);
  const place = useCallback((next: ReviewState) => {
    shownId.current = next.phase === "ready" ? next.task.assignment.id : null;
    setState(next);
  }, []);
  const [isAdvancing, setIsAdvancing] = useState(false);
  const prefetched = useRef<Prefetch | null>(null);
  const hasStarted = useRef(false);

  const claim = useCallback((exclude: number[]) => claimNext({ projectId, queueId, excludeAssignmentIds: exclude }), [claimNext, projectId, queueId]);

  /**
   * Claims the item after `task` in the background, so it can show without a round trip. `stillLeased` are
   * other assignments of the caller that the claim must pass over (an answer still on its way).
   */
  const prefetchAfter = useCallback(
    (task: ReviewTask, stillLeased: number[] = []) => {
      const entry: Prefetch = { promise: claim([task.assignment.id, ...stillLeased]).catch(() => null), task: undefined };
      void entry.promise.then((next) => {
        entry.task = next;
        // The next item's earlier turns load now too, so they are there when it is shown.
        if (next) void queryClient.prefetchQuery({ ...trpc.threads.getForAssignment.queryOptions({ projectId, assignmentId: next.assignment.id }), staleTime: THREAD_STALE_MS });
      });
      prefetched.current = entry;
    },
    [claim, queryClient, trpc, projectId],
  );

  const display = useCallback((task: ReviewTask) => place({ phase: "ready", task, leaseExpiresAt: task.assignment.leaseExpiresAt, leaseError: null }), [place]);

  const show = useCallback(
    (task: ReviewTask | null) => {
      prefetched.current = null;
      if (!task) return place({ phase: "empty" });
      display(task);
      prefetchAfter(task);
    },
    [place, display, prefetchAfter],
  );

  const load = useCallback(async () => {
    try {
      show(await claim([]));
    } catch (error) {
      place(failedClaimState(error));
    }
  }, [claim, show, place]);

  useEffect(() => {
    // Once per mount: a second concurrent first claim (React's dev double effect) could lease a second item.
    if (hasStarted.current) return;
    hasStarted.current = true;
    void load();
  }, [load]);

  /** Shows the prefetched task, or claims afresh when the prefetch found nothing or lost its lease. */
  const advance = useCallback(
    async (doneAssignmentId: number) => {
      setIsAdvancing(true);
      try {
        const next = await prefetched.current?.promise;
        show(next && next.assignment.id !== doneAssignmentId ? next : await claim([]));
      } catch (error) {
        place(failedClaimState(error));
      } finally {
        setIsAdvancing(false);
      }
    },
    [claim, show, place],
  );

  // After the next item is on screen: the counts and the latest answers refetch then, never competing with it
  // for the two round trips and the render that showing it takes.
  const refreshProgress = () =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: trpc.queues.get.queryKey({ projectId, queueId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.review.myProgress.queryKey({ projectId, queueId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.review.recentAnswers.queryKey({ projectId, queueId }) });
      }),
    );

  /** Resolves once the last answer sent has been stored or refused, and the screen shows the outcome. */
  const lastSendSettled = useRef<Promise<void>>(Promise.resolve());
  const beingSent = useRef(new Set<number>());

  /**
   * Sends an answer or a skip and moves on. With `showsNextAtOnce` and the next item already claimed, it shows
   * at once, while the answer is on its way (DESIGN.md: next item ≤ 150 ms after submit). If the server
   * refuses, the item comes back with the refusal and its draft (kept in the session), and the next one waits
   * as the prefetched item again. A skip waits instead: its refusal belongs in the open skip dialog.
   */
  async function sendAndAdvance(send: (assignmentId: number) => Promise<unknown>, showsNextAtOnce: boolean) {
    if (state.phase !== "ready") return;
    const current = state;
    const doneId = current.task.assignment.id;
    if (beingSent.current.has(doneId)) return;
    beingSent.current.add(doneId);
    try {
      // A fast annotator can answer the next item before the last answer is stored. This one waits for it;
      // if that answer was refused, its item is back on screen and this one stays in its draft.
      await lastSendSettled.current;
      if (shownId.current !== doneId) return;
      let settle = () => {};
      lastSendSettled.current = new Promise((resolve) => (settle = resolve));
      try {
        const entry = prefetched.current;
        const next = entry?.task;
        if (!showsNextAtOnce || !entry || !next || next.assignment.id === doneId) {
          await send(doneId);
          await advance(doneId);
        } else {
          display(next);
          prefetchAfter(next, [doneId]);
          try {
            await send(doneId);
          } catch (error) {
            // The claim made after `next` stays the caller's lease; the next claim resumes it.
            place(current);
            prefetched.current = entry;
            throw error;
          }
        }
        refreshProgress();
      } finally {
        settle();
      }
    } finally {
      beingSent.current.delete(doneId);
    }
  }

  const submit = (input: Omit<SubmitAnnotationInput, "assignmentId">) => sendAndAdvance((assignmentId) => submitMutation.mutateAsync({ projectId, assignmentId, ...input }), true);
  const skip = (input: Omit<SkipAssignmentInput, "assignmentId">) => sendAndAdvance((assignmentId) => skipMutation.mutateAsync({ projectId, assignmentId, ...input }), false);

  /** Reads the item on screen again, with the queue's label as it is now (after the lead changed it). */
  async function reloadTask() {
    if (state.phase !== "ready") return;
    const current = state;
    const fresh = await queryClient.fetchQuery({ ...trpc.review.get.queryOptions({ projectId, assignmentId: current.task.assignment.id }), staleTime: 0 });
    submitMutation.reset();
    if (shownId.current === fresh.assignment.id) place({ ...current, task: fresh });
  }

  const currentId = state.phase === "ready" ? state.task.assignment.id : null;
  useLeaseHeartbeat({
    periodMs: (leaseSeconds * 1000) / 3,
    isEnabled: currentId !== null,
    beat: () => {
      if (currentId !== null) {
        heartbeat({ projectId, assignmentId: currentId }).then(
          ({ leaseExpiresAt }) => setState((current) => (current.phase === "ready" && current.task.assignment.id === currentId ? { ...current, leaseExpiresAt } : current)),
          (error: unknown) =>
            setState((current) => (current.phase === "ready" && current.task.assignment.id === currentId ? { ...current, leaseError: describeError(error) } : current)),
        );
      }
      const entry = prefetched.current;
      const nextId = entry?.task?.assignment.id;
      // A prefetched claim that lost its lease is dropped; moving on then claims afresh.
      if (entry && nextId !== undefined) heartbeat({ projectId, assignmentId: nextId }).catch(() => prefetched.current === entry && (prefetched.current = null));
    },
  });

  return {
    state,
    submit,
    skip,
    reloadTask,
    submitError: submitMutation.error,
    skipError: skipMutation.error,
    /** The item on screen is being sent (an earlier one may still be on its way behind it). */
    isSubmitting: submitMutation.isPending && submitMutation.variables?.assignmentId === currentId,
    isSkipping: skipMutation.isPending,
    isAdvancing,
    resetErrors: () => (submitMutation.reset(), skipMutation.reset()),
    /** Leaves an item whose lease was lost without submitting it. */
    moveOn: () => (currentId !== null ? advance(currentId) : load()),
    retry: () => (place({ phase: "loading" }), load()),
  };
}
