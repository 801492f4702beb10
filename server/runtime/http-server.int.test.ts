import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createHttpServer } from "./http-server";

const testDb = setUpTestDatabase();
// A process without the web role (collab or worker only) still answers health and 404 itself.
const server = createHttpServer({ web: null, collab: null, isDev: false });
let baseUrl: string;

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  await closeDatabase();
});

describe("the HTTP server without the web role", () => {
  it("puts the security headers on its health answer and its 404s", async () => {
    for (const [path, status] of [
      ["/api/v1/health", 200],
      ["/anything-else", 404],
    ] as const) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status).toBe(status);
      expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
      expect(Object.fromEntries(["x-frame-options", "x-content-type-options", "referrer-policy"].map((name) => [name, response.headers.get(name)]))).toEqual({
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "same-origin",
      });
      expect(response.headers.get("permissions-policy")).toContain("microphone=()");
    }
  });
});
