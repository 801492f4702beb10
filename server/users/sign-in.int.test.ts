import { describe, expect, it, vi } from "vitest";
import { createDatabase } from "@/db";
import { SEED_PASSWORD, seedUser } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import * as passwords from "@/server/auth/passwords";
import { authenticateWithPassword } from "./service";
import { MAX_FAILED_SIGN_INS } from "./schema";
import { deleteOldSignInAttempts, secondsUntilSignInAllowed } from "./sign-in-throttle";

// The real scrypt check, wrapped only to count how many checks really ran.
vi.mock("@/server/auth/passwords", async (importOriginal) => {
  const real = await importOriginal<typeof passwords>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

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

  it("runs at most the allowed number of password checks when many wrong passwords arrive at once", async () => {
    const person = await seedUser(testDb.db);
    const parallel = 40;
    // One connection per attempt, so all of them reach Postgres at the same time.
    const wideDb = createDatabase(testDb.url, { maxConnections: parallel });
    try {
      vi.mocked(passwords.verifyPassword).mockClear();
      const results = await Promise.all(
        Array.from({ length: parallel }, (_, attempt) => authenticateWithPassword(wideDb, { email: person.email, password: `parallel-guess-${attempt}` })),
      );
      expect(vi.mocked(passwords.verifyPassword)).toHaveBeenCalledTimes(MAX_FAILED_SIGN_INS);
      expect(results.filter((result) => result.status === "invalid")).toHaveLength(MAX_FAILED_SIGN_INS);
      expect(results.filter((result) => result.status === "throttled")).toHaveLength(parallel - MAX_FAILED_SIGN_INS);
      await expect(wideDb.selectFrom("sign_in_attempts").select("id").where("email", "=", person.email.toLowerCase()).execute()).resolves.toHaveLength(
        MAX_FAILED_SIGN_INS,
      );
    } finally {
      await wideDb.destroy();
    }
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
