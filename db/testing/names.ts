/** The migrated database every test file of one run clones; each run has its own, so runs can overlap. */
export function templateDatabaseName(runId: string): string {
  return `goldloop_test_template_${runId}`;
}

/** The same server and credentials, another database. */
export function withDatabaseName(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}
