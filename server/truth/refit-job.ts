import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { DomainError } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import { refitQueue, type RefitOutcome } from "./refit-service";
import { failLostRefits, finishRefitRequest, listQueuedRefitRequests, requestRefit, setRefitPhase, startRefitRequest } from "./refit-requests";
import { listQueuesDueForRefit } from "./refit-due";

/**
 * Runs one refit request: takes it (a request another worker took, or one already run, is skipped), refits
 * the queue and records how it ended. A failure is recorded on the request with a message a lead can read.
 */
export async function runRefitRequest(db: Kysely<DB>, requestId: number): Promise<{ outcome: "skipped" } | { outcome: "done"; result: RefitOutcome } | { outcome: "failed" }> {
  const request = await startRefitRequest(db, requestId);
  if (!request) return { outcome: "skipped" };
  try {
    const result = await refitQueue(db, request, (phase) => setRefitPhase(db, { id: requestId, projectId: request.projectId }, phase));
    await finishRefitRequest(db, { id: requestId, projectId: request.projectId }, null);
    return { outcome: "done", result };
  } catch (error) {
    logger.error({ err: error, requestId, queueId: request.queueId }, "truth refit failed");
    await finishRefitRequest(db, { id: requestId, projectId: request.projectId }, error instanceof DomainError ? error.message : "The refit failed on the server; the log has the details.");
    return { outcome: "failed" };
  }
}

/**
 * The minute pass: fails refits lost with their worker, queues a refit for every queue that is due (see
 * `listQueuesDueForRefit`), and hands every queued request to `send` (which also catches requests whose
 * announcement no worker heard).
 */
export async function scheduleDueRefits(db: Kysely<DB>, send: (request: { id: number; queueId: string }) => Promise<unknown>): Promise<{ lost: number; queued: number; sent: number }> {
  const lost = await failLostRefits(db);
  const due = await listQueuesDueForRefit(db);
  for (const queue of due) await requestRefit(db, { ...queue, requestedBy: null });
  const queued = await listQueuedRefitRequests(db);
  for (const request of queued) await send(request);
  return { lost, queued: due.length, sent: queued.length };
}
