import { getDatabase } from "@/db";
import { createAlertRule, listAlertRules } from "@/server/alerts/rule-service";
import { createAlertRuleSchema } from "@/server/alerts/schema";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { readJsonEnvelope } from "@/server/ingest/request-body";

export const dynamic = "force-dynamic";

/** The project's threshold rules; for a `datasets:read` key. */
export const GET = restHandler(async (request) => {
  const principal = await requireApiKey(request, "datasets:read");
  return Response.json({ rules: await listAlertRules(getDatabase(), principal.projectId) });
});

/** Creates a threshold rule (an admin key); 201 with the rule. An unknown metric, a threshold that is not a finite number or another project's queue is a 400 naming the field. */
export const POST = restHandler(async (request) => {
  const principal = await requireApiKey(request, "admin");
  const input = await readJsonEnvelope(request, createAlertRuleSchema);
  const rule = await createAlertRule(getDatabase(), { projectId: principal.projectId, userId: null, apiKeyId: principal.apiKeyId }, input);
  return Response.json(rule, { status: 201 });
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { PUT, PATCH, DELETE } = refuseOtherMethods("GET", "POST");
