import type { Server } from "node:http";
import { resolve } from "node:path";
import { closeDatabase, getDatabase } from "@/db";
import { resolveDatabaseTarget } from "@/db/connect";
import { migrateToLatest } from "@/db/migrate";
import { createCollabServer, type CollabServer } from "@/server/collab/server";
import { queueItemsSettled } from "@/server/ingest/queue-item-plans";
import { startJobRunner, type JobRunner } from "@/server/jobs/runner";
import { ensureAppSecret, getAppSecret } from "@/server/lib/app-secret";
import { getPublicUrl, refreshEnv, type Env, type ServerRole } from "@/server/lib/env";
import { logger } from "@/server/lib/logger";
import { issueSetupLink } from "@/server/setup/service";
import { createHttpServer } from "./http-server";
import { prepareNextApp, type NextApp } from "./next-app";

export type RunningGoldloop = { url: string; port: number; stop: () => Promise<void> };

export type StartOptions = {
  root: string;
  env: Env;
  isDev?: boolean;
  /** Overrides GOLDLOOP_ROLES, for tests that need only part of the process. */
  roles?: ServerRole[];
};

const SHUTDOWN_GRACE_MS = 10_000;

function printSetupBanner(link: string): void {
  const rule = "─".repeat(Math.min(link.length + 4, 120));
  process.stdout.write(
    `\n${rule}\n  Welcome to Goldloop. Create the first admin account here (one use, 24 hours):\n\n  ${link}\n${rule}\n\n`,
  );
}

function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const address = server.address();
      done(typeof address === "object" && address ? address.port : port);
    });
  });
}

/**
 * Starts Goldloop: database (external or embedded), migrations, then the roles this process serves on one
 * port. stop() shuts down in dependency order: stop accepting, flush collaboration documents, write the
 * queue items of batches ingest already answered, finish jobs, close Next and the pool, and stop embedded
 * Postgres last.
 */
export async function startGoldloop(options: StartOptions): Promise<RunningGoldloop> {
  const roles = new Set(options.roles ?? options.env.GOLDLOOP_ROLES);
  const dataDir = resolve(options.root, options.env.GOLDLOOP_DATA_DIR);
  ensureAppSecret(dataDir);
  const target = await resolveDatabaseTarget({
    databaseUrl: options.env.DATABASE_URL,
    dataDir,
    adoptOrphan: true,
    log: (message, level) => logger[level](message),
  });
  process.env.DATABASE_URL = target.connectionString;
  const env = refreshEnv();

  let collab: CollabServer | null = null;
  let jobs: JobRunner | null = null;
  let web: NextApp | null = null;
  let server: Server | null = null;
  const stop = async () => {
    await new Promise<void>((done) => {
      if (!server?.listening) return done();
      const forceClose = setTimeout(() => server?.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      server.close(() => {
        clearTimeout(forceClose);
        done();
      });
      server.closeIdleConnections();
    });
    await collab?.destroy();
    // Ingest answered before writing these queue items; written now, they do not wait for the sweeper.
    await queueItemsSettled();
    await jobs?.stop();
    await web?.close();
    await closeDatabase();
    await target.embedded?.stop();
  };

  try {
    const db = getDatabase();
    const migration = await migrateToLatest(db);
    for (const result of migration.results ?? []) logger.info(`migration ${result.migrationName}: ${result.status}`);

    const publicUrl = getPublicUrl(env);
    process.env.NEXTAUTH_URL ??= publicUrl;
    if (roles.has("collab")) {
      collab = createCollabServer({ db, connectionString: target.connectionString, appSecret: getAppSecret(), redisUrl: env.REDIS_URL, log: logger });
    }
    if (roles.has("web")) {
      web = await prepareNextApp({ root: options.root, isDev: options.isDev ?? false, hostname: env.HOST ?? "localhost", port: env.PORT });
    }
    if (roles.has("worker")) jobs = await startJobRunner({ connectionString: target.connectionString, db, log: logger });
    server = createHttpServer({ web, collab, isDev: options.isDev ?? false });
    const port = await listen(server, env.PORT, env.HOST);
    const url = `http://${env.HOST && env.HOST !== "0.0.0.0" && env.HOST !== "::" ? env.HOST : "localhost"}:${port}`;
    logger.info(`Goldloop serving ${[...roles].join(", ")} on ${url}`);
    if (roles.has("web")) {
      const setupLink = await issueSetupLink(db, publicUrl);
      if (setupLink) printSetupBanner(setupLink);
    }
    return { url, port, stop };
  } catch (error) {
    await stop().catch((stopError: unknown) => logger.error({ err: stopError }, "cleanup after failed start also failed"));
    throw error;
  }
}
