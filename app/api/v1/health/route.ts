import { checkHealth, healthResponseInit } from "@/server/health/service";
import { restHandler } from "@/server/api/rest";

export const dynamic = "force-dynamic";

/** Liveness and database status (with the reason when unreachable), for load balancers and the CI smoke test. No auth: it reveals nothing private. */
export const GET = restHandler(async () => {
  const health = await checkHealth();
  return Response.json(health, healthResponseInit(health));
});
