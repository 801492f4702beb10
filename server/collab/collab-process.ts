import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { findFreePort } from "@/db/embedded-os";

const root = fileURLToPath(new URL("../..", import.meta.url));

export type CollabProcess = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Sends `signal` and resolves once the process has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/**
 * A separate Goldloop process serving only `/collab`, as a team runs several behind a load balancer. It is
 * one Node process (`node --import tsx`, not the tsx wrapper), so `SIGKILL` kills the server itself, as a
 * crash would. For tests and benchmarks, never for the app.
 */
export async function startCollabProcess(options: { databaseUrl: string; redisUrl?: string; port?: number }): Promise<CollabProcess> {
  const port = options.port ?? (await findFreePort());
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl ?? "",
      GOLDLOOP_ROLES: "collab",
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: "ignore",
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) break;
    const isHealthy = await fetch(`${url}/api/v1/health`).then((response) => response.ok, () => false);
    if (isHealthy) return { url, port, child, stop };
    await new Promise((done) => setTimeout(done, 100));
  }
  await stop("SIGKILL");
  throw new Error("the collab process did not become healthy");
}
