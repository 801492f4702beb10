import { TRPCClientError } from "@trpc/client";

/** Why the server refused to hand out work: the queue's quality gate paused the annotator, or their daily cap is reached. */
export type ClaimRefusal = { kind: "paused" | "capped"; message: string };

/**
 * Reads a claim error as a refusal. A member who may label is refused a claim with FORBIDDEN only when
 * paused, and with PRECONDITION_FAILED only at the daily cap (server/gold-items/gate-service.ts).
 */
export function toClaimRefusal(error: unknown): ClaimRefusal | null {
  if (!(error instanceof TRPCClientError)) return null;
  const code = (error.data as { code?: string } | undefined)?.code;
  if (code === "FORBIDDEN") return { kind: "paused", message: error.message };
  if (code === "PRECONDITION_FAILED") return { kind: "capped", message: error.message };
  return null;
}
