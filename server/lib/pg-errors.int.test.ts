import { createServer, type Server, type Socket } from "node:net";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { findFreePort } from "@/db/embedded-os";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { NotFoundError } from "./errors";
import { classifyDatabaseOutage } from "./pg-errors";

const testDb = setUpTestDatabase();

/** The error a promise rejects with; fails the test when it resolves. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );
}

const silentSockets: Socket[] = [];
let silentServer: Server | undefined;
afterAll(() => {
  for (const socket of silentSockets) socket.destroy();
  silentServer?.close();
});

describe("classifyDatabaseOutage, on errors pg really raises", () => {
  it("names a refused connection, whether the host has one address or several", async () => {
    const port = await findFreePort();
    for (const host of ["127.0.0.1", "localhost"]) {
      const client = new pg.Client({ host, port, user: "postgres", database: "postgres" });
      expect(classifyDatabaseOutage(await failureOf(client.connect()))).toBe("connection refused");
    }
  });

  it("names a server that accepts the connection but never answers a timeout", async () => {
    silentServer = createServer((socket) => silentSockets.push(socket));
    await new Promise<void>((done) => silentServer!.listen(0, "127.0.0.1", done));
    const address = silentServer.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const pool = new pg.Pool({ host: "127.0.0.1", port, user: "postgres", database: "postgres", connectionTimeoutMillis: 200, max: 1 });
    try {
      expect(classifyDatabaseOutage(await failureOf(pool.query("select 1")))).toBe("timeout");
    } finally {
      await pool.end();
    }
  });

  it("names a session the server ended while the client held it", async () => {
    const client = new pg.Client({ connectionString: testDb.url });
    client.on("error", () => {});
    await client.connect();
    const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
    const admin = new pg.Client({ connectionString: testDb.url });
    await admin.connect();
    await admin.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
    await admin.end();
    const reason = classifyDatabaseOutage(await failureOf(client.query("select 1")));
    await client.end().catch(() => {});
    expect(["database shutting down", "connection terminated"]).toContain(reason);
  });

  it("leaves errors that are not about reaching the database alone", async () => {
    expect(classifyDatabaseOutage(await failureOf(sql`selec 1`.execute(testDb.db)))).toBeNull();
    expect(classifyDatabaseOutage(await failureOf(sql`select 1 / 0`.execute(testDb.db)))).toBeNull();
    expect(classifyDatabaseOutage(new NotFoundError("no such queue"))).toBeNull();
    expect(classifyDatabaseOutage(new ZodError([]))).toBeNull();
    expect(classifyDatabaseOutage(null)).toBeNull();
    expect(classifyDatabaseOutage("Connection terminated")).toBeNull();
  });

  it("finds the pg error inside a wrapper's cause", async () => {
    const port = await findFreePort();
    const refused = await failureOf(new pg.Client({ host: "127.0.0.1", port, user: "postgres" }).connect());
    expect(classifyDatabaseOutage(new Error("loading the session failed", { cause: new Error("inner", { cause: refused }) }))).toBe("connection refused");
  });
});

describe("classifyDatabaseOutage, by SQLSTATE", () => {
  it.each([
    ["08006", "connection failure"],
    ["08001", "connection failure"],
    ["57P01", "database shutting down"],
    ["57P02", "database shutting down"],
    ["57P03", "database starting up"],
    ["53300", "too many connections"],
    ["40001", null],
    ["23505", null],
    ["42P01", null],
  ])("%s is %s", (code, reason) => {
    expect(classifyDatabaseOutage(Object.assign(new Error("from Postgres"), { code }))).toBe(reason);
  });
});
