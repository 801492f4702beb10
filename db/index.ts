import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "./types";

export type Database = Kysely<DB>;

// int8 (counts, bigserial ids) arrives as a string by default; every value we store fits in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

const PREPARED_STATEMENT_MARKER = /^\s*\/\* prepared:([a-z_]+) \*\//;

/**
 * A pg client that runs statements starting with a `/* prepared:<name> *\/` comment as named prepared
 * statements, so each connection parses and plans them once. Kysely sends every query as (text, values);
 * a hot statement whose planning costs as much as running it (the review claim) opts in with the comment.
 * One name per statement text: pg refuses a name reused for another text on the same connection.
 */
export class PreparingClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query() has a dozen overloads; every other call passes through unchanged
  override query(...args: any[]): any {
    const [text, values, callback] = args;
    const name = typeof text === "string" && Array.isArray(values) && args.length <= 3 ? PREPARED_STATEMENT_MARKER.exec(text)?.[1] : undefined;
    if (name) return typeof callback === "function" ? super.query({ name, text, values }, callback) : super.query({ name, text, values });
    return (super.query as (...forwarded: unknown[]) => unknown)(...args);
  }
}

// The pool under each Kysely instance createDatabase made, for the few paths that need a raw connection
// Kysely cannot drive (COPY). Global for the reason the holder below is: the database the server opened is
// the one the routes Next bundled use, and they must find its pool too.
const poolsByDatabase = ((globalThis as { __goldloopPools?: WeakMap<Database, pg.Pool> }).__goldloopPools ??= new WeakMap<Database, pg.Pool>());

/** The pg pool under a database createDatabase opened; undefined for a transaction or any other instance. */
export function poolOf(db: unknown): pg.Pool | undefined {
  return poolsByDatabase.get(db as Database);
}

/** Opens a Kysely instance on its own pg pool. The caller owns it and must destroy() it. */
export function createDatabase(connectionString: string, options: { maxConnections?: number } = {}): Database {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    // A host that drops packets would otherwise hold a request forever; past this it fails as "timeout" (a 503).
    connectionTimeoutMillis: 10_000,
    application_name: "goldloop",
    Client: PreparingClient,
  });
  // An idle connection dropped (Postgres restarted, or stopped during shutdown): the pool has already
  // discarded it and the next query opens a new one. Unheard, this event would crash the process.
  pool.on("error", () => {});
  // A connection that drops while checked out but between statements reports on the client, where nobody
  // listens: an uncaught exception. Heard here, the client's next query fails instead, and the pool
  // discards it on release.
  pool.on("connect", (client) => client.on("error", () => {}));
  const database = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  poolsByDatabase.set(database, pool);
  return database;
}

type DatabaseHolder = { database?: Database; connectionString?: string };

// The server's own code and the modules Next bundles are two module graphs in one process; a global
// holder gives both the same pool instead of one each.
const holder = ((globalThis as { __goldloopDatabase?: DatabaseHolder }).__goldloopDatabase ??= {});

/** The process-wide database, opened on first use from DATABASE_URL. */
export function getDatabase(): Database {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start Goldloop through server/main.ts or set it");
  if (holder.database && holder.connectionString !== connectionString) {
    throw new Error("DATABASE_URL changed after the database was opened");
  }
  holder.connectionString = connectionString;
  return (holder.database ??= createDatabase(connectionString));
}

/** Closes the process-wide pool, if one was opened. */
export async function closeDatabase(): Promise<void> {
  const database = holder.database;
  holder.database = undefined;
  holder.connectionString = undefined;
  await database?.destroy();
}
