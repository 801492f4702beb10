import { globSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db";
import { setUpTestDatabase } from "@/db/testing/test-database";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const root = fileURLToPath(new URL("../..", import.meta.url));
const routeFiles = globSync("app/api/v1/**/route.ts", { cwd: root });
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;

const testDb = setUpTestDatabase();
beforeAll(() => {
  process.env.DATABASE_URL = testDb.url;
});
afterAll(async () => {
  await closeDatabase();
});

describe("methods a REST route does not serve", () => {
  it.each(routeFiles)("%s answers each with a JSON 405 naming the method, and Allow lists the served ones", async (file) => {
    const route = (await import(pathToFileURL(`${root}/${file}`).href)) as Partial<Record<(typeof METHODS)[number], Handler>>;
    const refused: string[] = [];
    let allow: string | null = null;
    for (const method of METHODS) {
      const handler = route[method];
      expect(handler, `${file} exports ${method}`).toBeTypeOf("function");
      const response = await handler!(new Request("http://localhost/api/v1/anything", { method }), { params: Promise.resolve({}) });
      if (response.status !== 405) continue;
      refused.push(method);
      allow = response.headers.get("allow");
      expect(await response.json()).toEqual({ error: { code: "method_not_allowed", message: expect.stringContaining(`${method} is not served here`), field: "method" } });
    }
    expect(allow).not.toBeNull();
    expect(METHODS.filter((method) => !refused.includes(method))).toEqual(allow!.split(", "));
  });
});
