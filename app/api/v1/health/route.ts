import { checkHealth, healthResponseInit } from "@/server/health/service";
import { refuseOtherMethods, restHandler } from "@/server/api/rest";

export const dynamic = "force-dynamic";

/** Liveness and database status (with the reason when unreachable), for load balancers and the CI smoke test. No auth: it reveals nothing private. */
export const GET = restHandler(async () => {
  const health = await checkHealth();
  return Response.json(health, healthResponseInit(health));
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
