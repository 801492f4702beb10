// The one Goldloop process: `npm start` (production, builds first when needed) and `npm run dev` (--dev, hot reload).
import { fileURLToPath } from "node:url";
import { EnvError, parseEnv } from "./lib/env";
import { logger } from "./lib/logger";
import { isBuildStale, runNextBuild } from "./runtime/next-build";
import { startGoldloop } from "./runtime/start";

const root = fileURLToPath(new URL("..", import.meta.url));
const isDev = process.argv.includes("--dev");
/** Within this long after the first, a second signal is the same request delivered twice. */
const DUPLICATE_SIGNAL_MS = 2_000;

async function main(): Promise<void> {
  const env = parseEnv();
  if (!isDev && env.GOLDLOOP_ROLES.includes("web") && isBuildStale(root)) {
    logger.info("building the app (first start, or sources changed since the last build)…");
    runNextBuild(root);
  }
  const running = await startGoldloop({ root, env, isDev });

  let stoppingSince: number | null = null;
  const shutDown = (signal: NodeJS.Signals) => {
    if (stoppingSince !== null) {
      // A signal to the process group arrives twice, directly and relayed by tsx: only a later one is
      // someone insisting, and only they may skip stopping the embedded Postgres.
      if (Date.now() - stoppingSince < DUPLICATE_SIGNAL_MS) return;
      logger.warn(`${signal} again: exiting without finishing shutdown`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    logger.info(`${signal}: shutting down`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutDown);
  process.on("SIGTERM", shutDown);
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) logger.error(error.message);
  else logger.error({ err: error }, "Goldloop failed to start");
  process.exit(1);
});
