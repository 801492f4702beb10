import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { authenticateWithPassword } from "@/server/users/service";
import { issueSetupLink } from "./service";

const testDb = setUpTestDatabase();
const anonymous = () => createCaller(createInnerContext({ db: testDb.db, user: null }));
const account = { name: "Ops", email: "ops@example.test", password: "a long password" };


describe("first-run setup", () => {
  it("creates the first admin from the newest link, once, and then stops offering links", async () => {
    await expect(anonymous().setup.status()).resolves.toEqual({ isSetupNeeded: true });
    const stale = await issueSetupLink(testDb.db, "http://localhost:3000");
    const link = await issueSetupLink(testDb.db, "http://localhost:3000");
    const tokenOf = (url: string | null) => new URL(url!).searchParams.get("token")!;

    await expect(anonymous().setup.complete({ ...account, token: tokenOf(stale) })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const [first, second] = await Promise.allSettled([
      anonymous().setup.complete({ ...account, token: tokenOf(link) }),
      anonymous().setup.complete({ ...account, email: "other@example.test", token: tokenOf(link) }),
    ]);
    expect([first.status, second.status].sort()).toEqual(["fulfilled", "rejected"]);

    await expect(anonymous().setup.status()).resolves.toEqual({ isSetupNeeded: false });
    await expect(issueSetupLink(testDb.db, "http://localhost:3000")).resolves.toBeNull();
    const admins = await testDb.db.selectFrom("users").select("email").where("is_instance_admin", "=", true).execute();
    expect(admins).toHaveLength(1);
    await expect(authenticateWithPassword(testDb.db, { email: admins[0]!.email, password: account.password })).resolves.toMatchObject({ status: "ok", user: { isInstanceAdmin: true } });
  });

  it("rejects weak passwords naming the field", async () => {
    const error = await anonymous()
      .setup.complete({ ...account, password: "short", token: "setup_x" })
      .then(() => null, (caught: unknown) => caught);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("password") });
  });
});
