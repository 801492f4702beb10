import { describe, expect, it } from "vitest";
import { SEED_PASSWORD, seedUser } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { authenticateWithPassword } from "./service";
import { MAX_FAILED_SIGN_INS } from "./schema";
import { deleteOldSignInAttempts, secondsUntilSignInAllowed } from "./sign-in-throttle";

const testDb = setUpTestDatabase();


describe("password sign-in", () => {
  it("accepts the right password in any letter case of the email, and nothing else", async () => {
    const person = await seedUser(testDb.db, { email: "Case@Example.test" });
    await expect(authenticateWithPassword(testDb.db, { email: "case@example.TEST", password: SEED_PASSWORD })).resolves.toMatchObject({
      status: "ok",
      user: { id: person.id },
    });
    await expect(authenticateWithPassword(testDb.db, { email: person.email, password: "wrong" })).resolves.toEqual({ status: "invalid" });
    await expect(authenticateWithPassword(testDb.db, { email: "nobody@example.test", password: "x" })).resolves.toEqual({ status: "invalid" });
  });

  it("refuses disabled people", async () => {
    const person = await seedUser(testDb.db);
    await testDb.db.updateTable("users").set({ disabled_at: new Date() }).where("id", "=", person.id).execute();
    await expect(authenticateWithPassword(testDb.db, { email: person.email, password: SEED_PASSWORD })).resolves.toEqual({ status: "invalid" });
  });

  it("pauses an email after repeated failures, even for the right password, until the window passes", async () => {
    const person = await seedUser(testDb.db);
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt += 1) {
      await expect(authenticateWithPassword(testDb.db, { email: person.email, password: `guess-${attempt}` })).resolves.toEqual({ status: "invalid" });
    }
    const paused = await authenticateWithPassword(testDb.db, { email: person.email, password: SEED_PASSWORD });
    expect(paused).toMatchObject({ status: "throttled", retryAfterSeconds: expect.any(Number) });
    await expect(secondsUntilSignInAllowed(testDb.db, person.email, new Date(Date.now() + 16 * 60_000))).resolves.toBe(0);
    const other = await seedUser(testDb.db);
    await expect(authenticateWithPassword(testDb.db, { email: other.email, password: SEED_PASSWORD })).resolves.toMatchObject({ status: "ok" });
  });

  it("lets a success clear earlier failures", async () => {
    const person = await seedUser(testDb.db);
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS - 1; attempt += 1) {
      await authenticateWithPassword(testDb.db, { email: person.email, password: "wrong" });
    }
    await expect(authenticateWithPassword(testDb.db, { email: person.email, password: SEED_PASSWORD })).resolves.toMatchObject({ status: "ok" });
    await authenticateWithPassword(testDb.db, { email: person.email, password: "wrong" });
    await expect(secondsUntilSignInAllowed(testDb.db, person.email)).resolves.toBe(0);
  });

  it("forgets attempts older than a day", async () => {
    await expect(deleteOldSignInAttempts(testDb.db, new Date(Date.now() + 2 * 86_400_000))).resolves.toBeGreaterThan(0);
    await expect(testDb.db.selectFrom("sign_in_attempts").select("id").execute()).resolves.toEqual([]);
  });
});
