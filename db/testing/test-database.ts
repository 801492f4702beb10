import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDatabase, type Database } from "../index";
import { TEMPLATE_DATABASE, withDatabaseName } from "./names";

export type TestDatabase = { db: Database; url: string; drop: () => Promise<void> };

async function withAdminClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops a database once its last connections are gone. pg's pool resolves end() before its sockets close,
 * and `drop … with (force)` would then kill those closing connections and raise errors nobody listens to;
 * waiting a few milliseconds for them to go is enough.
 */
export async function dropDatabaseWhenIdle(serverUrl: string, name: string): Promise<void> {
  await withAdminClient(serverUrl, async (client) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.query(`drop database if exists ${name}`);
        return;
      } catch (error) {
        if (attempt >= 50 || (error as { code?: string }).code !== "55006") throw error;
        await new Promise((done) => setTimeout(done, 100));
      }
    }
  });
}

/** A fresh, migrated database of its own for one test file, cloned from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("testServerUrl");
  const name = `goldloop_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, async (client) => {
    // Clones from one template can collide briefly ("source database is being accessed"); a retry clears it.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
        return;
      } catch (error) {
        if (attempt >= 20 || (error as { code?: string }).code !== "55006") throw error;
        await new Promise((done) => setTimeout(done, 100));
      }
    }
  });
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
