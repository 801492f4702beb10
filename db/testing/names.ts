/** The migrated database every test file clones. */
export const TEMPLATE_DATABASE = "goldloop_test_template";

/** The same server and credentials, another database. */
export function withDatabaseName(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}
