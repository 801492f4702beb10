import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteEndpoint } from "@/app/api/v1/webhook-endpoints/[endpointId]/route";
import { GET as listEndpoints, POST as createEndpoint } from "@/app/api/v1/webhook-endpoints/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "@/server/api-keys/service";

const testDb = setUpTestDatabase();
const keys = { admin: "", ingest: "", foreignAdmin: "" };

const call = (method: string, secret: string, body?: unknown) =>
  new Request("http://localhost/api/v1/webhook-endpoints", {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const remove = (id: string, secret = keys.admin) => deleteEndpoint(call("DELETE", secret), { params: Promise.resolve({ endpointId: id }) });

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  const team = await seedProjectTeam(testDb.db);
  const foreign = await seedProjectTeam(testDb.db);
  const keyFor = async (projectId: string, scope: "admin" | "ingest") => (await createApiKey(testDb.db, { projectId, userId: null }, { name: scope, scopes: [scope] })).secret;
  keys.admin = await keyFor(team.project.id, "admin");
  keys.ingest = await keyFor(team.project.id, "ingest");
  keys.foreignAdmin = await keyFor(foreign.project.id, "admin");
});
afterAll(async () => {
  await closeDatabase();
});

describe("/api/v1/webhook-endpoints", () => {
  it("creates (201, secret once), lists without secrets and deletes, for an admin key of the project only", async () => {
    const created = await createEndpoint(call("POST", keys.admin, { url: "https://93.184.216.34/goldloop", description: "trainer", eventTypes: ["release.published"] }));
    expect(created.status).toBe(201);
    const { endpoint, secret } = await created.json();
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({ url: "https://93.184.216.34/goldloop", eventTypes: ["release.published"], isEnabled: true });

    const listed = await (await listEndpoints(call("GET", keys.admin))).json();
    expect(listed.endpoints.map((item: { id: string }) => item.id)).toEqual([endpoint.id]);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));
    expect((await (await listEndpoints(call("GET", keys.foreignAdmin))).json()).endpoints).toEqual([]);

    expect((await remove(endpoint.id, keys.foreignAdmin)).status).toBe(404);
    expect((await remove(endpoint.id)).status).toBe(204);
    expect((await remove(endpoint.id)).status).toBe(404);
    const audit = await testDb.db.selectFrom("audit_log").select("action").where("target_id", "=", endpoint.id).orderBy("id").execute();
    expect(audit.map((entry) => entry.action)).toEqual(["webhook_endpoint.created", "webhook_endpoint.deleted"]);
  });

  it("refuses a URL that reaches a private address with a 400 naming url, and writes nothing", async () => {
    const response = await createEndpoint(call("POST", keys.admin, { url: "http://192.168.0.10:8080/hook", eventTypes: ["gold.created"] }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "bad_request", field: "url", message: expect.stringMatching(/192\.168\.0\.10, a private address/) });
    expect((await (await listEndpoints(call("GET", keys.admin))).json()).endpoints).toHaveLength(0);
  });

  it("answers bad input with a 400 naming the field, and other keys with 401/403", async () => {
    const badEvents = await createEndpoint(call("POST", keys.admin, { url: "https://93.184.216.34/x", eventTypes: ["gold.deleted"] }));
    expect(badEvents.status).toBe(400);
    expect((await badEvents.json()).error.field).toBe("eventTypes.0");
    expect((await remove("not-an-id")).status).toBe(400);
    expect((await createEndpoint(call("POST", keys.ingest, { url: "https://93.184.216.34/x", eventTypes: ["gold.created"] }))).status).toBe(403);
    expect((await listEndpoints(call("GET", "gl_nonsense"))).status).toBe(401);
  });
});
