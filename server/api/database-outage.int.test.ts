import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getHealth } from "@/app/api/v1/health/route";
import { POST as postOutputs } from "@/app/api/v1/outputs/route";
import { closeDatabase, createDatabase, type Database } from "@/db";
import { findFreePort } from "@/db/embedded-os";
import { buildOutputItem } from "@/server/ingest/test-fixtures";
import { outageResponseHeaders } from "./error-mapping";
import { createCaller } from "./root";
import { createInnerContext } from "./trpc";

// A port nobody listens on: every connection is refused, as while Postgres is down.
let unreachableDb: Database;
beforeAll(async () => {
  process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${await findFreePort()}/goldloop`;
  unreachableDb = createDatabase(process.env.DATABASE_URL);
});
afterAll(async () => {
  await unreachableDb.destroy();
  await closeDatabase();
});

describe("while Postgres is unreachable", () => {
  it("REST answers 503 with Retry-After, not 500", async () => {
    const response = await postOutputs(
      new Request("http://localhost/api/v1/outputs", {
        method: "POST",
        // Well-formed, so checking it needs the database.
        headers: { "content-type": "application/json", authorization: `Bearer gl_abcdefgh_${"x".repeat(43)}` },
        body: JSON.stringify({ outputs: [buildOutputItem(1)] }),
      }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: { code: "service_unavailable", message: expect.stringContaining("database is unavailable") } });
  });

  it("health answers 503 and says why", async () => {
    const response = await getHealth(new Request("http://localhost/api/v1/health"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toMatchObject({ status: "degraded", database: "unreachable", reason: "connection refused" });
  });

  it("tRPC procedures fail with SERVICE_UNAVAILABLE, which the route answers with Retry-After", async () => {
    const caller = createCaller(createInnerContext({ db: unreachableDb, user: null }));
    const failure = await caller.setup.status().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TRPCError);
    expect(failure).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringContaining("database is unavailable") });
    expect(outageResponseHeaders([failure as TRPCError])?.get("retry-after")).toBe("5");
    expect(outageResponseHeaders([new TRPCError({ code: "NOT_FOUND" })])).toBeUndefined();
  });
});
