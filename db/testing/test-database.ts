import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createDatabase, type Database } from "../index";
import { dropDatabaseWhenIdle, retryWhileDatabaseInUse, withAdminClient } from "./admin";
import { withDatabaseName } from "./names";

// Re-exported for tests that already import it from here (db/migrate.int.test.ts).
export { dropDatabaseWhenIdle };

export type TestDatabase = { db: Database; url: string; drop: () => Promise<void> };

/** A fresh, migrated database of its own for one test file, cloned from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("testServerUrl");
  const template = inject("testTemplateDatabase");
  const name = `goldloop_test_${randomBytes(6).toString("hex")}`;
  // Clones from one template can collide briefly ("source database is being accessed"); a retry clears it.
  await withAdminClient(serverUrl, (client) => retryWhileDatabaseInUse(() => client.query(`create database ${name} template ${template}`), 20));
  const url = withDatabaseName(serverUrl, name);
  const db = createDatabase(url, { maxConnections: 20 });
  return {
    db,
    url,
    drop: async () => {
      await db.destroy();
      await dropDatabaseWhenIdle(serverUrl, name);
    },
  };
}

/**
 * Registers hooks that give the enclosing test file (or describe block) its own database, dropped at the
 * end. Read `.db` and `.url` inside tests and hooks registered after this call.
 */
export function setUpTestDatabase(): Omit<TestDatabase, "drop"> {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
  });
  afterAll(async () => {
    await current?.drop();
  });
  const ready = () => {
    if (!current) throw new Error("the test database exists only inside tests and later hooks");
    return current;
  };
  return {
    get db() {
      return ready().db;
    },
    get url() {
      return ready().url;
    },
  };
}
