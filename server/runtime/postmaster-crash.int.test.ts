import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { createDatabase, type Database } from "@/db";
import { startEmbeddedPostgres } from "@/db/embedded";
import { findFreePort, readRunningPostmaster } from "@/db/embedded-os";
import { seedProject } from "@/db/seed/factories";
import { seedQueue } from "@/db/seed/loop";
import { createApiKey } from "@/server/api-keys/service";
import { buildOutputItem } from "@/server/ingest/test-fixtures";

const root = fileURLToPath(new URL("../..", import.meta.url));
const BATCH_SIZE = 20;
const SENDERS = 3;
/** Each sender's bound on batches, so the load stops by itself whatever happens. */
const MAX_BATCHES_PER_SENDER = 20_000;

type Answer = { batch: string; status: number; retryAfter: string | null };

let dataDir: string;
let server: ChildProcess;
let baseUrl: string;
let serverOutput = "";
let db: Database;
let ingestKey: string;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const postmasterPid = () => readRunningPostmaster(join(dataDir, "postgres"))?.pid;
const serverLog = () => serverOutput;

async function readHealth(): Promise<{ status: number; retryAfter: string | null; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/api/v1/health`);
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as Record<string, unknown> };
}

// A real Goldloop (every role) on its own embedded Postgres in a temp folder, as `npm start` runs it.
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "goldloop-outage-"));
  // As root, Postgres runs as the postgres user, who must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const port = await findFreePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _external, REDIS_URL: _redis, ...env } = process.env;
  server = spawn(`${root}/node_modules/.bin/tsx`, ["server/main.ts"], {
    cwd: root,
    env: { ...env, NODE_ENV: "production", GOLDLOOP_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [server.stdout!, server.stderr!]) stream.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  // The first start builds the app when no build is current; later starts take seconds.
  for (let check = 0; (await readHealth().then((health) => health.status, () => 0)) !== 200; check += 1) {
    if (server.exitCode !== null || check > 1_000) throw new Error(`Goldloop did not become healthy:\n${serverOutput.slice(-4_000)}`);
    await sleep(500);
  }

  const borrowed = await startEmbeddedPostgres({ dataDir });
  db = createDatabase(borrowed.connectionString, { maxConnections: 2 });
  const project = await seedProject(db);
  await seedQueue(db, { projectId: project.id });
  ingestKey = (await createApiKey(db, { projectId: project.id, userId: null }, { name: "load", scopes: ["ingest"] })).secret;
}, 600_000);

afterAll(async () => {
  chmodSync(dataDir, 0o755);
  await db?.destroy();
  if (server.exitCode === null) {
    await new Promise((done) => {
      server.once("exit", done);
      server.kill("SIGTERM");
    });
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

describe("a Goldloop whose embedded postmaster is killed under ingest load", () => {
  it("answers 200 or 503 with Retry-After, says why in health, restarts Postgres and takes batches again, whole or not at all", async () => {
    onTestFailed(() => console.error(`Goldloop's output, last part:\n${serverOutput.slice(-8_000)}`));
    const answers: Answer[] = [];
    let isLoading = true;
    const sendBatches = async (sender: number) => {
      for (let batchNumber = 0; isLoading && batchNumber < MAX_BATCHES_PER_SENDER; batchNumber += 1) {
        const batch = `s${sender}b${batchNumber}`;
        // Content unique across batches too, so the queue's dedupe by content queues every output.
        const outputs = Array.from({ length: BATCH_SIZE }, (_, index) =>
          buildOutputItem((sender * MAX_BATCHES_PER_SENDER + batchNumber) * BATCH_SIZE + index, { external_id: `${batch}.${index}` }),
        );
        const response = await fetch(`${baseUrl}/api/v1/outputs`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${ingestKey}` },
          body: JSON.stringify({ outputs }),
        });
        await response.arrayBuffer();
        answers.push({ batch, status: response.status, retryAfter: response.headers.get("retry-after") });
        // A refused batch comes back at once; pace the retries a little so the outage is not a busy loop.
        if (response.status !== 200) await sleep(50);
      }
    };
    const countOk = () => answers.filter((answer) => answer.status === 200).length;
    const senders = Array.from({ length: SENDERS }, (_, sender) => sendBatches(sender));

    try {
      await expect.poll(countOk, { timeout: 60_000 }).toBeGreaterThanOrEqual(10);
      const killed = postmasterPid()!;
      const serverPid = server.pid;
      // Hold the restart back until the outage has been seen: Postgres's user cannot enter the data folder
      // (nor, when the tests do not run as root, can Goldloop), so restart attempts fail and are retried.
      chmodSync(dataDir, 0o000);
      process.kill(killed, "SIGKILL");
      // Once the first attempt has failed, the backends the postmaster left are gone too (until then one
      // that has not yet noticed its postmaster died can still answer), so the outage is complete.
      await expect.poll(serverLog, { timeout: 30_000 }).toMatch(/restarting embedded Postgres failed, attempt 1 of \d+/);
      expect(serverLog()).toContain(`embedded Postgres (pid ${killed}) exited unexpectedly`);

      const outage = await readHealth();
      expect(outage).toMatchObject({ status: 503, retryAfter: "5", body: { status: "degraded", database: "unreachable" } });
      // Refused once the pool has dropped its connections to the dead server; reset or terminated while it drops them.
      expect(["connection refused", "connection reset", "connection terminated", "database shutting down"]).toContain(outage.body.reason);
      const answersBeforeOutageSeen = answers.length;
      await expect.poll(() => answers.slice(answersBeforeOutageSeen).some((answer) => answer.status === 503), { timeout: 30_000 }).toBe(true);
      const trpc = await fetch(`${baseUrl}/api/trpc/setup.status`);
      expect({ status: trpc.status, retryAfter: trpc.headers.get("retry-after") }).toEqual({ status: 503, retryAfter: "5" });
      expect(await trpc.json()).toMatchObject({ error: { json: { data: { code: "SERVICE_UNAVAILABLE" } } } });
      chmodSync(dataDir, 0o755);
      await expect.poll(serverLog, { timeout: 60_000 }).toMatch(/embedded Postgres restarted on port \d+/);
      const okAtRecovery = countOk();
      await expect.poll(countOk, { timeout: 60_000 }).toBeGreaterThanOrEqual(okAtRecovery + 10);
      expect(postmasterPid()).not.toBe(killed);
      expect({ exitCode: server.exitCode, pid: server.pid }).toEqual({ exitCode: null, pid: serverPid });
      await expect(readHealth()).resolves.toMatchObject({ status: 200, body: { database: "ok" } });
      expect(serverLog()).not.toMatch(/uncaughtException|unhandledRejection/);
    } finally {
      isLoading = false;
      chmodSync(dataDir, 0o755);
      await Promise.all(senders);
    }

    expect(answers.filter((answer) => answer.status !== 200 && !(answer.status === 503 && answer.retryAfter === "5"))).toEqual([]);
    // A batch answered just before the crash may not have had its queue items written: its committed plan
    // waits for the sweeper, which runs every minute.
    const countPlans = async () => (await sql<{ n: number }>`select count(*)::int as n from queue_item_plans`.execute(db)).rows[0]!.n;
    await expect.poll(countPlans, { timeout: 150_000, interval: 2_000 }).toBe(0);
    const stored = await sql<{ batch: string; outputs: number; queued: number }>`
      select split_part(o.external_id, '.', 1) as batch, count(*)::int as outputs, count(qi.id)::int as queued
      from outputs o left join queue_items qi on qi.output_id = o.id
      group by 1`.execute(db);
    const storedByBatch = new Map(stored.rows.map((row) => [row.batch, row]));
    const partlyWritten = stored.rows.filter((row) => row.outputs !== BATCH_SIZE || row.queued !== BATCH_SIZE);
    expect(partlyWritten).toEqual([]);
    const acceptedButMissing = answers.filter((answer) => answer.status === 200 && !storedByBatch.has(answer.batch));
    expect(acceptedButMissing).toEqual([]);
  }, 450_000);
});
