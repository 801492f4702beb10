import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as acknowledge } from "@/app/api/v1/alerts/[alertId]/acknowledge/route";
import { GET as getAlert } from "@/app/api/v1/alerts/[alertId]/route";
import { GET as listAlerts } from "@/app/api/v1/alerts/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "@/server/api-keys/service";
import { seedLiveAlert } from "./testing";

const testDb = setUpTestDatabase();
const keys = { admin: "", reader: "", foreignAdmin: "" };
let alertId = "";

const call = (path: string, secret: string, method = "GET") => new Request(`http://localhost${path}`, { method, headers: { authorization: `Bearer ${secret}` } });
const withAlertId = (id: string) => ({ params: Promise.resolve({ alertId: id }) });

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  const team = await seedProjectTeam(testDb.db);
  const foreign = await seedProjectTeam(testDb.db);
  const keyFor = async (projectId: string, scope: "admin" | "datasets:read") => (await createApiKey(testDb.db, { projectId, userId: null }, { name: scope, scopes: [scope] })).secret;
  keys.admin = await keyFor(team.project.id, "admin");
  keys.reader = await keyFor(team.project.id, "datasets:read");
  keys.foreignAdmin = await keyFor(foreign.project.id, "admin");
  ({ alertId } = await seedLiveAlert(testDb.db, { projectId: team.project.id, userId: team.members.admin.id }));
});
afterAll(async () => {
  await closeDatabase();
});

describe("/api/v1/alerts", () => {
  it("lists the project's alerts by state, shows one with its evidence, and 404s other projects'", async () => {
    const open = await (await listAlerts(call("/api/v1/alerts?state=open", keys.reader))).json();
    expect(open.alerts).toEqual([expect.objectContaining({ id: alertId, detector: "rule", state: "open", severity: "warning", isSnoozed: false, title: expect.stringMatching(/^Rule 'Thumbs down'/) })]);
    expect((await (await listAlerts(call("/api/v1/alerts?state=resolved", keys.reader))).json()).alerts).toEqual([]);
    expect((await (await listAlerts(call("/api/v1/alerts?limit=1", keys.reader))).json()).alerts).toHaveLength(1);
    expect((await (await listAlerts(call("/api/v1/alerts", keys.foreignAdmin))).json()).alerts).toEqual([]);

    const badState = await listAlerts(call("/api/v1/alerts?state=live", keys.reader));
    expect(badState.status).toBe(400);
    expect((await badState.json()).error).toMatchObject({ field: "state", message: expect.stringMatching(/open, acknowledged, resolved/) });
    expect((await (await listAlerts(call("/api/v1/alerts?limit=0", keys.reader))).json()).error.field).toBe("limit");

    const alert = await (await getAlert(call(`/api/v1/alerts/${alertId}`, keys.reader), withAlertId(alertId))).json();
    expect(alert).toMatchObject({ id: alertId, evidence: { threshold: { comparator: ">", value: 0.2 }, series: [expect.objectContaining({ statistic: 0.6, firing: true })] } });
    expect((await getAlert(call(`/api/v1/alerts/${alertId}`, keys.foreignAdmin), withAlertId(alertId))).status).toBe(404);
    expect((await getAlert(call("/api/v1/alerts/nope", keys.reader), withAlertId("nope"))).status).toBe(400);
  });

  it("acknowledges with an admin key only, recording the key in the audit log", async () => {
    expect((await acknowledge(call(`/api/v1/alerts/${alertId}/acknowledge`, keys.reader, "POST"), withAlertId(alertId))).status).toBe(403);
    expect((await acknowledge(call(`/api/v1/alerts/${alertId}/acknowledge`, keys.foreignAdmin, "POST"), withAlertId(alertId))).status).toBe(404);
    const response = await acknowledge(call(`/api/v1/alerts/${alertId}/acknowledge`, keys.admin, "POST"), withAlertId(alertId));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: alertId, state: "acknowledged", acknowledgedBy: null, acknowledgedAt: expect.any(String) });
    const audit = await testDb.db.selectFrom("audit_log").select(["action", "actor_api_key_id as apiKeyId"]).where("target_id", "=", alertId).execute();
    expect(audit).toEqual([{ action: "alert.acknowledged", apiKeyId: expect.any(String) }]);
  });
});
