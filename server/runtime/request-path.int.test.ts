import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { parseEnv } from "@/server/lib/env";
import { isDecodablePath } from "./request-path";
import { startGoldloop, type RunningGoldloop } from "./start";

const root = fileURLToPath(new URL("../..", import.meta.url));
const testDb = setUpTestDatabase();
let server: RunningGoldloop;

// The check runs in the HTTP server before any role; a process without the web role shows it without a Next build.
beforeAll(async () => {
  server = await startGoldloop({ root, env: parseEnv({ ...process.env, DATABASE_URL: testDb.url, PORT: "0", HOST: "127.0.0.1" }), roles: ["collab"] });
});
afterAll(async () => {
  await server?.stop();
});

describe("paths with broken percent-encoding", () => {
  it("tells well-formed escapes from broken ones", () => {
    expect(["/p/support-bot", "/p/%E2%82%AC", "/p/a%2Fb", "/p/%00", "/p/x?q=%FF"].map(isDecodablePath)).toEqual([true, true, true, true, true]);
    expect(["/p/%FF", "/api/v1/datasets/%FF/releases/1", "/p/%E2%82", "/p/%", "/p/%zz"].map(isDecodablePath)).toEqual([false, false, false, false, false]);
  });

  it("are a 400 from the real server, JSON under /api and text elsewhere, while good paths go on", async () => {
    const api = await fetch(`${server.url}/api/v1/datasets/%FF/releases/1`);
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: { code: "bad_request", message: "the path is not valid percent-encoded UTF-8", field: "path" } });

    const page = await fetch(`${server.url}/p/%FF`);
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/^Bad request: the path is not valid percent-encoded UTF-8/);

    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/p/%E2%82%AC`)).status).toBe(404);
  });
});
