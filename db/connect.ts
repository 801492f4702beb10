import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";
import type { SupervisorLog } from "./embedded-supervisor";

export type DatabaseTarget = {
  connectionString: string;
  /** The embedded server when DATABASE_URL was unset; null when an external Postgres is used. */
  embedded: EmbeddedPostgres | null;
};

/**
 * Picks the database: DATABASE_URL when set, otherwise embedded Postgres in `<dataDir>/postgres`.
 * The server adopts an orphaned embedded postmaster (left by a crash); short-lived CLI runs only borrow it.
 */
export async function resolveDatabaseTarget(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  adoptOrphan: boolean;
  log?: SupervisorLog;
}): Promise<DatabaseTarget> {
  if (options.databaseUrl) return { connectionString: options.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, adoptOrphan: options.adoptOrphan, log: options.log });
  return { connectionString: embedded.connectionString, embedded };
}
