import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postOutputs } from "@/app/api/v1/outputs/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam, seedUser } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "@/server/api-keys/service";
import { logger } from "@/server/lib/logger";
import { buildTrpcRequest, sessionContextFor, sessionCookieFor } from "./fuzz/http-clients";
import { handleTrpcRequest } from "./trpc-http";

// A real Postgres error, raised by a trigger, stands for any failure we did not foresee.
const CAUSE = "SECRET-INTERNAL-DETAIL";
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  await sql
    .raw(
      `create function refuse_insert() returns trigger language plpgsql as $$ begin raise exception '${CAUSE} in %', tg_table_name; end $$;
       create trigger refuse_projects before insert on projects for each row execute function refuse_insert();
       create trigger refuse_outputs before insert on outputs for each row execute function refuse_insert();`,
    )
    .execute(testDb.db);
});
afterAll(async () => {
  await closeDatabase();
});

/** The error log line written under `requestId`, if any. */
function loggedUnder(spy: { mock: { calls: unknown[][] } }, requestId: string): { err: Error } | undefined {
  return spy.mock.calls.map(([fields]) => fields as { requestId?: string; err: Error }).find((fields) => fields.requestId === requestId);
}

describe("an error nobody expected", () => {
  it("reaches a tRPC client as INTERNAL_SERVER_ERROR with a request id, and the log holds its cause under that id", async () => {
    const logged = vi.spyOn(logger, "error");
    const admin = await seedUser(testDb.db, { isInstanceAdmin: true });
    const request = buildTrpcRequest({ path: "projects.create", type: "mutation", input: { name: "Doomed" }, cookie: await sessionCookieFor(admin.id) });
    const response = await handleTrpcRequest(request, sessionContextFor(testDb.db));

    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain(CAUSE);
    expect(text).not.toMatch(/plpgsql|P0001|refuse_insert|at .*\.ts/);
    const error = (JSON.parse(text) as { error: { json: { message: string; data: { code: string; requestId: string } } } }).error.json;
    expect(error.data.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.data.requestId).toMatch(REQUEST_ID);
    expect(error.message).toBe(`something went wrong on our side; it has been logged under request id ${error.data.requestId}`);
    expect(error.data).not.toHaveProperty("stack");
    expect(loggedUnder(logged, error.data.requestId)?.err.message).toBe(`${CAUSE} in projects`);
    logged.mockRestore();
  });

  it("reaches a REST client as a 500 with a request id, and the log holds its cause under that id", async () => {
    const logged = vi.spyOn(logger, "error");
    const { secret } = await createApiKey(testDb.db, { projectId: team.project.id, userId: null }, { name: "ingest", scopes: ["ingest"] });
    const response = await postOutputs(
      new Request("http://localhost/api/v1/outputs", {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify({ outputs: [{ external_id: "doomed", input: "hi", output: "there" }] }),
      }),
    );

    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain(CAUSE);
    const { error } = JSON.parse(text) as { error: { code: string; message: string; requestId: string } };
    expect(error).toEqual({ code: "internal_server_error", message: expect.stringContaining(error.requestId), requestId: expect.stringMatching(REQUEST_ID) });
    expect(loggedUnder(logged, error.requestId)?.err.message).toBe(`${CAUSE} in outputs`);
    logged.mockRestore();
  });
});
