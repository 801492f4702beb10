// Free of vitest on purpose: the benches create and drop scratch databases with these too.
import pg from "pg";

/** Runs `run` on a short-lived client connected to `serverUrl`, for statements such as create/drop database. */
export async function withAdminClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Runs one statement on a short-lived client and returns its rows. */
export async function queryOnce(url: string, text: string): Promise<Record<string, unknown>[]> {
  return withAdminClient(url, async (client) => (await client.query(text)).rows);
}

/** Retries `run` up to `retries` times, 100 ms apart, while Postgres says the database is in use (55006). */
export async function retryWhileDatabaseInUse<T>(run: () => Promise<T>, retries: number): Promise<T> {
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
