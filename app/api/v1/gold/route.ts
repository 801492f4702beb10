import { getDatabase } from "@/db";
import { LOOP_HEALTH_HEADER, readLoopHealth } from "@/server/alerts/health";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { goldFeedQuerySchema } from "@/server/gold-feed/schema";
import { checkFeedQueue, readGoldPage } from "@/server/gold-feed/service";

export const dynamic = "force-dynamic";

/**
 * Pages the project's gold labels in the order they were decided, from a cursor, for a `datasets:read` key.
 * `X-Goldloop-Loop-Health: ok|alerting` says whether the loop that made them is collapsing.
 */
export const GET = restHandler(async (request) => {
  const principal = await requireApiKey(request, "datasets:read");
  const query = goldFeedQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = getDatabase();
  await checkFeedQueue(db, principal.projectId, query.queue);
  const page = await readGoldPage(db, principal.projectId, query);
  return Response.json(page, { headers: { [LOOP_HEALTH_HEADER]: await readLoopHealth(db, principal.projectId) } });
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
