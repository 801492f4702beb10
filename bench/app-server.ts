// The app half of bench/claims-http.ts: the real Goldloop server, started as `npm start` starts it
// (server/main.ts in production mode, which builds Next first when the build is missing or stale), in a
// process of its own on the bench's database, so the annotators' load generator does not share its event loop.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
/** Long enough for a first start that builds the app (a few minutes on two cores). */
const START_TIMEOUT_MS = 15 * 60_000;
const STOP_TIMEOUT_MS = 30_000;

export type AppServer = { url: string; stop: () => Promise<void> };

async function findFreePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  if (typeof address !== "object" || !address) throw new Error("no free port");
  return address.port;
}

/**
 * Starts the server and resolves once its health route answers. Its logs go to stderr, so the bench's
 * figures stay alone on stdout. `roles` is GOLDLOOP_ROLES.
 */
export async function startAppServer(options: { databaseUrl: string; secret: string; roles: string }): Promise<AppServer> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "goldloop-bench-"));
  const child = spawn(join(root, "node_modules/.bin/tsx"), ["--max-semi-space-size=16", "server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      NEXTAUTH_SECRET: options.secret,
      GOLDLOOP_ROLES: options.roles,
      GOLDLOOP_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(process.stderr);
  child.stderr.pipe(process.stderr);
  const exited = once(child, "exit");

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const forceKill = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(forceKill);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    const isUp = await fetch(`${url}/api/v1/health`).then((response) => response.ok, () => false);
    if (isUp) return { url, stop };
    await new Promise((done) => setTimeout(done, 500));
  }
  await stop();
  throw new Error(`the app server did not come up on ${url} (exit ${child.exitCode ?? child.signalCode ?? "none: timed out"})`);
}
