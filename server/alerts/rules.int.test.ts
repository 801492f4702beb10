import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchRule, DELETE as deleteRule } from "@/app/api/v1/alert-rules/[ruleId]/route";
import { GET as listRules, POST as createRule } from "@/app/api/v1/alert-rules/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { buildTrpcRequest, sendTrpcRequest, sessionCookieFor } from "@/server/api/fuzz/http-clients";
import { createApiKey } from "@/server/api-keys/service";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let queueId = "";
let foreignQueueId = "";
const keys = { admin: "", reader: "" };

const validRule = () => ({ name: "Approvals saturating", metric: "labels.approval", comparator: ">", threshold: 0.9, queueId, sustainedWindows: 2, clearWindows: 3 });

const rest = (method: string, path: string, secret: string, body?: unknown) =>
  new Request(`http://localhost${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
const withRuleId = (ruleId: string) => ({ params: Promise.resolve({ ruleId }) });

/** A mutation over the real tRPC HTTP handler, signed in as the project's lead. */
async function trpc(path: string, input: unknown) {
  return sendTrpcRequest(testDb.db, buildTrpcRequest({ path, type: "mutation", input, cookie: await sessionCookieFor(team.members.lead.id) }));
}

/** What a failed attempt may not leave behind: rules, and audit entries about rules. */
async function ruleRows() {
  const rules = await testDb.db.selectFrom("alert_rules").selectAll().where("project_id", "=", team.project.id).orderBy("created_at").execute();
  const audit = await testDb.db.selectFrom("audit_log").select("action").where("project_id", "=", team.project.id).where("target_type", "=", "alert_rule").execute();
  return { rules, audit };
}

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  const foreign = await seedProjectTeam(testDb.db);
  queueId = (await seedQueue(testDb.db, { projectId: team.project.id })).id;
  foreignQueueId = (await seedQueue(testDb.db, { projectId: foreign.project.id })).id;
  const keyFor = async (scope: "admin" | "datasets:read") => (await createApiKey(testDb.db, { projectId: team.project.id, userId: null }, { name: scope, scopes: [scope] })).secret;
  keys.admin = await keyFor("admin");
  keys.reader = await keyFor("datasets:read");
});
afterAll(async () => {
  await closeDatabase();
});

/** Each bad input, the field a refusal must name, and how the message must read. */
const badInputs: Array<{ label: string; change: () => Record<string, unknown>; field: string; message: RegExp }> = [
  { label: "an unknown metric", change: () => ({ metric: "labels.vibes" }), field: "metric", message: /metric must be one of .*labels\.approval/ },
  { label: 'the threshold "NaN"', change: () => ({ threshold: "NaN" }), field: "threshold", message: /threshold must be a finite number/ },
  // superjson carries NaN and Infinity to tRPC as numbers; JSON turns them into null.
  { label: "the threshold NaN", change: () => ({ threshold: Number.NaN }), field: "threshold", message: /threshold must be a finite number/ },
  { label: "the threshold -Infinity", change: () => ({ threshold: Number.NEGATIVE_INFINITY }), field: "threshold", message: /threshold must be a finite number/ },
  { label: "a threshold out of range", change: () => ({ threshold: 1e300 }), field: "threshold", message: /threshold must be at most/ },
  { label: "another project's queue", change: () => ({ queueId: foreignQueueId }), field: "queueId", message: /no queue with this id in the project/ },
  { label: "a queue on a project metric", change: () => ({ metric: "signals.thumbs_down" }), field: "queueId", message: /whole project/ },
  { label: "an unknown comparator", change: () => ({ comparator: "!=" }), field: "comparator", message: /comparator must be one of/ },
  { label: "0 sustained windows", change: () => ({ sustainedWindows: 0 }), field: "sustainedWindows", message: /at least 1/ },
  { label: "91 clear windows", change: () => ({ clearWindows: 91 }), field: "clearWindows", message: /at most 90/ },
  { label: "a name holding NUL", change: () => ({ name: "bad\u0000name" }), field: "name", message: /NUL/ },
];

describe("alert rule input", () => {
  it.each(badInputs)("refuses $label with a 4xx naming $field over tRPC and REST, writing nothing", async ({ change, field, message }) => {
    const before = await ruleRows();
    const body = { ...validRule(), ...change() };

    const overTrpc = await trpc("alerts.rules.create", { projectId: team.project.id, ...body });
    expect(overTrpc.status).toBe(400);
    expect(overTrpc.fields).toContain(field);
    expect(overTrpc.message).toMatch(message);

    const overRest = await createRule(rest("POST", "/api/v1/alert-rules", keys.admin, body));
    expect(overRest.status).toBe(400);
    const { error } = await overRest.json();
    expect(error).toMatchObject({ code: "bad_request", field });
    expect(error.message).toMatch(message);

    expect(await ruleRows()).toEqual(before);
  });

  it("refuses the same inputs when they change an existing rule, leaving it as it was", async () => {
    const created = await createRule(rest("POST", "/api/v1/alert-rules", keys.admin, validRule()));
    expect(created.status).toBe(201);
    const rule = await created.json();
    const before = await ruleRows();
    for (const { change, field } of badInputs) {
      const overTrpc = await trpc("alerts.rules.update", { projectId: team.project.id, ruleId: rule.id, ...change() });
      expect(overTrpc.status, JSON.stringify(change())).toBe(400);
      expect(overTrpc.fields).toContain(field);
      const overRest = await patchRule(rest("PATCH", `/api/v1/alert-rules/${rule.id}`, keys.admin, change()), withRuleId(rule.id));
      expect(overRest.status, JSON.stringify(change())).toBe(400);
      expect((await overRest.json()).error.field).toBe(field);
    }
    expect(await ruleRows()).toEqual(before);
  });

  it("refuses a body that is not JSON or a threshold JSON turns into Infinity", async () => {
    const before = await ruleRows();
    const infinite = await createRule(rest("POST", "/api/v1/alert-rules", keys.admin, JSON.stringify(validRule()).replace('"threshold":0.9', '"threshold":1e400')));
    expect(infinite.status).toBe(400);
    expect((await infinite.json()).error).toMatchObject({ field: "threshold", message: expect.stringMatching(/finite/) });
    const broken = await createRule(rest("POST", "/api/v1/alert-rules", keys.admin, "{"));
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.field).toBe("body");
    expect(await ruleRows()).toEqual(before);
  });
});

describe("/api/v1/alert-rules", () => {
  it("creates, lists, changes and deletes rules for an admin key; a read key lists only; other projects' rules are 404", async () => {
    const created = await createRule(rest("POST", "/api/v1/alert-rules", keys.admin, { ...validRule(), name: "Low approval", comparator: "<", threshold: 0.2, queueId: null }));
    expect(created.status).toBe(201);
    const rule = await created.json();
    expect(rule).toMatchObject({ name: "Low approval", metric: "labels.approval", comparator: "<", threshold: 0.2, queueId: null, granularity: "day", severity: "warning", isEnabled: true });

    const listed = await (await listRules(rest("GET", "/api/v1/alert-rules", keys.reader))).json();
    expect(listed.rules.map((item: { id: string }) => item.id)).toContain(rule.id);
    expect((await createRule(rest("POST", "/api/v1/alert-rules", keys.reader, validRule()))).status).toBe(403);

    const patched = await patchRule(rest("PATCH", `/api/v1/alert-rules/${rule.id}`, keys.admin, { threshold: 0.25, queueId, sustainedWindows: 3 }), withRuleId(rule.id));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ id: rule.id, threshold: 0.25, queueId, sustainedWindows: 3, name: "Low approval" });

    const foreign = await seedProjectTeam(testDb.db);
    const foreignKey = (await createApiKey(testDb.db, { projectId: foreign.project.id, userId: null }, { name: "admin", scopes: ["admin"] })).secret;
    expect((await patchRule(rest("PATCH", `/api/v1/alert-rules/${rule.id}`, foreignKey, { threshold: 0.3 }), withRuleId(rule.id))).status).toBe(404);
    expect((await deleteRule(rest("DELETE", `/api/v1/alert-rules/${rule.id}`, foreignKey), withRuleId(rule.id))).status).toBe(404);
    expect((await deleteRule(rest("DELETE", "/api/v1/alert-rules/x", keys.admin), withRuleId("x"))).status).toBe(400);

    expect((await deleteRule(rest("DELETE", `/api/v1/alert-rules/${rule.id}`, keys.admin), withRuleId(rule.id))).status).toBe(204);
    expect((await deleteRule(rest("DELETE", `/api/v1/alert-rules/${rule.id}`, keys.admin), withRuleId(rule.id))).status).toBe(404);
    const audit = await testDb.db.selectFrom("audit_log").select(["action", "actor_api_key_id as apiKeyId"]).where("target_id", "=", rule.id).orderBy("id").execute();
    expect(audit.map((entry) => entry.action)).toEqual(["alert_rule.created", "alert_rule.updated", "alert_rule.deleted"]);
    expect(audit.every((entry) => entry.apiKeyId !== null)).toBe(true);
  });
});
