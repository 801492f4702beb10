import { sql, type Kysely } from "kysely";
import { Migrator, type MigrationResultSet } from "kysely/migration";
import { migrations } from "./migrations";

// Any fixed number works; it only has to differ from other advisory locks the app takes.
const MIGRATION_LOCK_KEY = 7_404_211_900;

/**
 * Brings the schema to the latest migration. Safe when several processes start at once: they queue on a
 * session advisory lock held on one connection, and each later one finds nothing left to do.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the schema matches db/types.ts
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
    try {
      const migrator = new Migrator({
        db: connection,
        provider: { getMigrations: async () => migrations },
      });
      const result = await migrator.migrateToLatest();
      if (result.error) throw result.error;
      return result;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
    }
  });
}
