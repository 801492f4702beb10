import { z } from "zod";
import { getDatabase } from "@/db";
import { deleteAlertRule, updateAlertRule } from "@/server/alerts/rule-service";
import { alertRulePatchSchema, alertRulePathIdSchema } from "@/server/alerts/schema";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { readJsonEnvelope } from "@/server/ingest/request-body";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ ruleId: alertRulePathIdSchema });

/** Changes a rule of the key's project (an admin key); the fields sent are validated as on create; 404 when the project has no such rule. */
export const PATCH = restHandler(async (request, context: { params: Promise<{ ruleId: string }> }) => {
  const principal = await requireApiKey(request, "admin");
  const { ruleId } = paramsSchema.parse(await context.params);
  const patch = await readJsonEnvelope(request, alertRulePatchSchema);
  const actor = { projectId: principal.projectId, userId: null, apiKeyId: principal.apiKeyId };
  return Response.json(await updateAlertRule(getDatabase(), actor, { ruleId, ...patch }));
});

/** Deletes a rule with its alerts (the live ones are announced resolved first); 204, or 404 when the project has no such rule. */
export const DELETE = restHandler(async (request, context: { params: Promise<{ ruleId: string }> }) => {
  const principal = await requireApiKey(request, "admin");
  const { ruleId } = paramsSchema.parse(await context.params);
  await deleteAlertRule(getDatabase(), { projectId: principal.projectId, userId: null, apiKeyId: principal.apiKeyId }, ruleId);
  return new Response(null, { status: 204 });
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { GET, POST, PUT } = refuseOtherMethods("PATCH", "DELETE");
