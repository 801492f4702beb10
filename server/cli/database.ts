import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { createDatabase, type Database } from "@/db";
import { resolveDatabaseTarget } from "@/db/connect";
import { migrateToLatest } from "@/db/migrate";
import type { MigrationResultSet } from "kysely/migration";
import { parseEnv } from "@/server/lib/env";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Opens the same database the server uses (DATABASE_URL, or the embedded one in GOLDLOOP_DATA_DIR),
 * brings it up to date, runs `work`, and closes everything. An embedded Postgres already running for the
 * server is borrowed, not stopped. Commands that work concurrently (the simulator's annotators) ask for more
 * connections than the default two.
 */
export async function withCliDatabase<T>(work: (db: Database, migration: MigrationResultSet) => Promise<T>, options: { maxConnections?: number } = {}): Promise<T> {
  const env = parseEnv();
  const target = await resolveDatabaseTarget({
    databaseUrl: env.DATABASE_URL,
    dataDir: resolve(repositoryRoot, env.GOLDLOOP_DATA_DIR),
    adoptOrphan: false,
  });
  const db = createDatabase(target.connectionString, { maxConnections: options.maxConnections ?? 2 });
  try {
    const migration = await migrateToLatest(db);
    return await work(db, migration);
  } finally {
    await db.destroy();
    await target.embedded?.stop();
  }
}
