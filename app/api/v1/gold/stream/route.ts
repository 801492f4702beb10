import { getDatabase } from "@/db";
import { LOOP_HEALTH_HEADER, readLoopHealth } from "@/server/alerts/health";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { streamGold } from "@/server/gold-feed/event-stream";
import { goldCursorSchema, goldFeedQuerySchema } from "@/server/gold-feed/schema";
import { checkFeedQueue } from "@/server/gold-feed/service";
import { ForbiddenError, UnauthorizedError, ValidationError } from "@/server/lib/errors";

export const dynamic = "force-dynamic";

function parseLastEventId(header: string): string {
  const parsed = goldCursorSchema.safeParse(header.trim());
  if (!parsed.success) throw new ValidationError(`Last-Event-ID: ${parsed.error.issues[0]?.message ?? "not a cursor"}`, { field: "last-event-id" });
  return parsed.data;
}

/**
 * The gold feed as Server-Sent Events for a `datasets:read` key: every gold label after the cursor, then each
 * new one as it commits. A reconnecting EventSource sends `Last-Event-ID`, which takes precedence over `since`.
 * The response carries `X-Goldloop-Loop-Health` as it was when the stream opened.
 */
export const GET = restHandler(async (request) => {
  const principal = await requireApiKey(request, "datasets:read");
  const query = goldFeedQuerySchema.omit({ limit: true }).parse(Object.fromEntries(new URL(request.url).searchParams));
  const lastEventId = request.headers.get("last-event-id");
  const since = lastEventId === null ? query.since : parseLastEventId(lastEventId);
  const db = getDatabase();
  await checkFeedQueue(db, principal.projectId, query.queue);
  const loopHealth = await readLoopHealth(db, principal.projectId);
  const stream = streamGold(db, {
    projectId: principal.projectId,
    queueId: query.queue,
    since,
    // A revoked key ends the stream; an outage does not (the next heartbeat asks again).
    isAuthorized: () =>
      requireApiKey(request, "datasets:read").then(
        () => true,
        (error: unknown) => !(error instanceof UnauthorizedError || error instanceof ForbiddenError),
      ),
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression from buffering events; X-Accel-Buffering does the same for nginx.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
      [LOOP_HEALTH_HEADER]: loopHealth,
    },
  });
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
