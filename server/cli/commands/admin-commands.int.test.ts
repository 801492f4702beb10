import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { authenticateApiKey } from "@/server/api-keys/service";
import { authenticateWithPassword } from "@/server/users/service";
import { runCliCaptured } from "../test-support";

const testDb = setUpTestDatabase();

beforeAll(() => {
  // The CLI reads DATABASE_URL like the server does.
  process.env.DATABASE_URL = testDb.url;
});

describe("admin CLI commands", () => {
  it("create a user, a project with that user as admin, and an API key whose secret works", async () => {
    const user = await runCliCaptured(["user", "create", "--email", "ops@example.test", "--password", "a long password", "--admin"]);
    expect(user).toMatchObject({ code: 0, stdout: expect.stringContaining("created instance admin ops@example.test") });
    await expect(authenticateWithPassword(testDb.db, { email: "ops@example.test", password: "a long password" })).resolves.toMatchObject({ status: "ok", user: { isInstanceAdmin: true } });

    const project = await runCliCaptured(["project", "create", "--name", "Support Bot", "--admin-email", "ops@example.test"]);
    expect(project).toMatchObject({ code: 0, stdout: expect.stringContaining("created project support-bot") });
    const membership = await testDb.db.selectFrom("memberships").select("role").executeTakeFirst();
    expect(membership?.role).toBe("admin");

    const key = await runCliCaptured(["apikey", "create", "--project", "support-bot", "--scopes", "ingest,datasets:read"]);
    expect(key.code).toBe(0);
    const secret = key.stdout.trim();
    await expect(authenticateApiKey(testDb.db, secret)).resolves.toMatchObject({ projectSlug: "support-bot", scopes: ["ingest", "datasets:read"] });

    await expect(runCliCaptured(["migrate"])).resolves.toMatchObject({ code: 0, stdout: "schema is up to date\n" });
  });

  it("explain bad input and exit with code 2", async () => {
    const cases: [string[], RegExp][] = [
      [["user", "create", "--email", "ops2@example.test"], /missing required flag --password/],
      [["user", "create", "--email", "not-an-email", "--password", "a long password"], /email: enter a valid email address/],
      [["user", "create", "--email", "ops@example.test", "--password", "a long password"], /already exists/],
      [["project", "create", "--name", "X", "--slug", "-bad-"], /slug/],
      [["project", "create", "--name", "X", "--admin-email", "nobody@example.test"], /no user with email/],
      [["apikey", "create", "--project", "nope", "--scopes", "ingest"], /no project with slug "nope"/],
      [["apikey", "create", "--project", "support-bot", "--scopes", "write"], /scopes/],
      [["user", "create", "--bogus"], /bogus/],
    ];
    for (const [argv, message] of cases) {
      const result = await runCliCaptured(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr, argv.join(" ")).toMatch(message);
    }
  });
});
