import { fileURLToPath } from "node:url";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
/** The e2e run's database on DATABASE_URL's server; named after the port so two checkouts can run e2e at once. */
export const E2E_DATABASE = `goldloop_e2e_${E2E_PORT}`;
/** Server log, database URL and data of the e2e run; recreated by e2e/serve.ts on every run. */
export const E2E_ARTIFACTS = fileURLToPath(new URL(".artifacts", import.meta.url));
export const SERVER_LOG = `${E2E_ARTIFACTS}/server.log`;
export const DATABASE_URL_FILE = `${E2E_ARTIFACTS}/database-url`;
