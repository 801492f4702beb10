import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
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

/** Retries `run` up to `retries` times, 100 ms apart, while Postgres says the database is in use (55006). */
async function retryWhileDatabaseInUse<T>(run: () => Promise<T>, retries: number): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= retries || (error as { code?: string }).code !== "55006") throw error;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

/**
 * Drops a database once its last connections are gone. pg's pool resolves end() before its sockets close,
 * and `drop … with (force)` would then kill those closing connections and raise errors nobody listens to;
 * waiting a few milliseconds for them to go is enough.
 */
export async function dropDatabaseWhenIdle(serverUrl: string, name: string): Promise<void> {
  await withAdminClient(serverUrl, (client) => retryWhileDatabaseInUse(() => client.query(`drop database if exists ${name}`), 50));
}

/** A fresh, migrated database of its own for one test file, cloned from the template. */
async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("testServerUrl");
  const name = `goldloop_test_${randomBytes(6).toString("hex")}`;
  // Clones from one template can collide briefly ("source database is being accessed"); a retry clears it.
  await withAdminClient(serverUrl, (client) => retryWhileDatabaseInUse(() => client.query(`create database ${name} template ${TEMPLATE_DATABASE}`), 20));
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
