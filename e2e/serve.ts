// Starts the real Goldloop server for Playwright on a fresh database: a new `goldloop_e2e_<port>` database on
// DATABASE_URL's server, or a new embedded Postgres; plus a real OIDC provider for single sign-on. Its output goes to the console and to a log file,
// where tests read the first-run setup link just as a person reads it from their terminal.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startEmbeddedPostgres } from "../db/embedded";
import { withDatabaseName } from "../db/testing/names";
import { DATABASE_URL_FILE, E2E_ARTIFACTS, E2E_DATABASE, E2E_BASE_URL, E2E_PORT, SERVER_LOG } from "./environment";
import { IDP_CLIENT, IDP_ISSUER, startOidcProvider } from "./oidc-idp";

const root = fileURLToPath(new URL("..", import.meta.url));

async function prepareDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!process.env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({ dataDir: join(E2E_ARTIFACTS, "postgres-data"), database: E2E_DATABASE });
    return { url: embedded.connectionString, stop: embedded.stop };
  }
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${E2E_DATABASE} with (force)`);
  await admin.query(`create database ${E2E_DATABASE}`);
  await admin.end();
  return { url: withDatabaseName(process.env.DATABASE_URL, E2E_DATABASE), stop: async () => {} };
}

rmSync(E2E_ARTIFACTS, { recursive: true, force: true });
mkdirSync(E2E_ARTIFACTS, { recursive: true });
const database = await prepareDatabase();
const identityProvider = await startOidcProvider();
writeFileSync(DATABASE_URL_FILE, database.url);

const log = createWriteStream(SERVER_LOG);
const server = spawn(join(root, "node_modules/.bin/tsx"), ["server/main.ts"], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    PORT: String(E2E_PORT),
    PUBLIC_URL: E2E_BASE_URL,
    GOLDLOOP_DATA_DIR: join(E2E_ARTIFACTS, "data"),
    OIDC_ISSUER: IDP_ISSUER,
    OIDC_CLIENT_ID: IDP_CLIENT.id,
    OIDC_CLIENT_SECRET: IDP_CLIENT.secret,
    OIDC_NAME: "Test IdP",
    // Webhook specs run their receiver on loopback, which the SSRF guard refuses unless allowed.
    GOLDLOOP_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
for (const stream of [server.stdout, server.stderr]) {
  stream.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
}

const forward = (signal: NodeJS.Signals) => server.kill(signal);
process.on("SIGTERM", forward);
process.on("SIGINT", forward);
server.on("exit", async (code) => {
  identityProvider.close();
  await database.stop();
  log.end();
  process.exit(code ?? 0);
});
