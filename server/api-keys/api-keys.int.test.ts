import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getHealth } from "@/app/api/v1/health/route";
import { GET as getWhoami } from "@/app/api/v1/whoami/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { requireApiKey } from "@/server/api/rest";
import { createInnerContext } from "@/server/api/trpc";
import { authenticateApiKey } from "./service";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const admin = () => createCaller(createInnerContext({ db: testDb.db, user: team.members.admin }));
const requestWith = (authorization?: string) =>
  new Request("http://localhost/api/v1/whoami", { headers: authorization ? { authorization } : {} });

beforeAll(async () => {
  // The REST handlers use the process-wide pool, which reads DATABASE_URL.
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
});
afterAll(async () => {
  await closeDatabase();
});

describe("API keys", () => {
  it("show the secret once, store only a hash, and authenticate with it until revoked", async () => {
    const { key, secret } = await admin().apiKeys.create({ projectId: team.project.id, name: "prod", scopes: ["ingest", "ingest"] });
    expect(secret).toMatch(/^gl_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(key.scopes).toEqual(["ingest"]);
    const stored = await testDb.db.selectFrom("api_keys").selectAll().where("id", "=", key.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret.slice("gl_12345678_".length));

    await expect(authenticateApiKey(testDb.db, secret)).resolves.toMatchObject({ projectId: team.project.id, scopes: ["ingest"] });
    await expect(authenticateApiKey(testDb.db, `${secret.slice(0, -1)}x`)).resolves.toBeNull();
    const listed = await admin().apiKeys.list({ projectId: team.project.id });
    expect(listed.find((candidate) => candidate.id === key.id)?.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(listed)).not.toContain("secret_hash");

    await admin().apiKeys.revoke({ projectId: team.project.id, apiKeyId: key.id });
    await expect(authenticateApiKey(testDb.db, secret)).resolves.toBeNull();
    await expect(admin().apiKeys.revoke({ projectId: team.project.id, apiKeyId: key.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("enforce scopes, with admin keys holding every scope", async () => {
    const ingest = await admin().apiKeys.create({ projectId: team.project.id, name: "ingest", scopes: ["ingest"] });
    const full = await admin().apiKeys.create({ projectId: team.project.id, name: "admin", scopes: ["admin"] });
    await expect(requireApiKey(requestWith(`Bearer ${ingest.secret}`), "datasets:read")).rejects.toThrow(/lacks the "datasets:read" scope/);
    await expect(requireApiKey(requestWith(`Bearer ${full.secret}`), "datasets:read")).resolves.toMatchObject({ name: "admin" });
  });

  it("reject empty names and unknown scopes naming the field", async () => {
    await expect(admin().apiKeys.create({ projectId: team.project.id, name: " ", scopes: ["ingest"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const unknownScope = admin().apiKeys.create({ projectId: team.project.id, name: "x", scopes: ["write" as "ingest"] });
    await expect(unknownScope).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("REST /api/v1", () => {
  it("whoami answers 401 without a key, 401 for a bad key, and the project for a good one", async () => {
    const missing = await getWhoami(requestWith());
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect(await missing.json()).toMatchObject({ error: { code: "unauthorized", field: "authorization" } });

    expect((await getWhoami(requestWith("Bearer gl_nope"))).status).toBe(401);
    expect((await getWhoami(requestWith("Basic abc"))).status).toBe(401);

    const { secret } = await admin().apiKeys.create({ projectId: team.project.id, name: "reader", scopes: ["datasets:read"] });
    const ok = await getWhoami(requestWith(`Bearer ${secret}`));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ project: { slug: team.project.slug }, apiKey: { name: "reader", scopes: ["datasets:read"] } });
  });

  it("health reports the database", async () => {
    const response = await getHealth(new Request("http://localhost/api/v1/health"));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
  });
});
