import type { ChildProcess } from "node:child_process";
import { isProcessAlive } from "./embedded-os";

/** A running postmaster; `child` is null for one adopted from an earlier server, which is not our child. */
export type Postmaster = { pid: number; child: ChildProcess | null };

export type SupervisorLog = (message: string, level: "info" | "warn" | "error") => void;

export type PostmasterSupervisor = {
  /** Stops watching, so shutting Postgres down is not taken for a crash; returns the pid of the postmaster now running. */
  stop: () => Promise<number>;
};

const MAX_RESTART_ATTEMPTS = 6;
const FIRST_RETRY_DELAY_MS = 1_000;
const ADOPTED_POLL_MS = 500;
/** A postmaster that stayed up this long after a restart earns a fresh set of attempts; one that dies sooner is a crash loop. */
const STABLE_AFTER_MS = 60_000;

/**
 * Restarts the embedded postmaster on the same port when it dies, so the pool reconnects to the same URL
 * and Goldloop recovers without a restart. Attempts back off (1 s, 2 s, 4 s, …) and stop after
 * MAX_RESTART_ATTEMPTS; every death, attempt and outcome is logged.
 */
export function supervisePostmaster(options: {
  postmaster: Postmaster;
  port: number;
  /** Clears what the dead postmaster left and starts a new one on `port`. */
  relaunch: () => Promise<Postmaster>;
  log: SupervisorLog;
}): PostmasterSupervisor {
  let current = options.postmaster;
  let isStopping = false;
  let attemptsUsed = 0;
  let restartedAt = Number.NEGATIVE_INFINITY;
  let inFlightRestart: Promise<void> | null = null;
  let stopWatching = () => {};
  let wakeFromBackoff = () => {};

  const backOff = (ms: number) =>
    new Promise<void>((done) => {
      const timer = setTimeout(done, ms);
      wakeFromBackoff = () => {
        clearTimeout(timer);
        done();
      };
    });

  const restart = async (deadPid: number) => {
    if (Date.now() - restartedAt >= STABLE_AFTER_MS) attemptsUsed = 0;
    options.log(`embedded Postgres (pid ${deadPid}) exited unexpectedly; restarting it on port ${options.port}`, "warn");
    while (attemptsUsed < MAX_RESTART_ATTEMPTS && !isStopping) {
      attemptsUsed += 1;
      try {
        current = await options.relaunch();
        restartedAt = Date.now();
        options.log(`embedded Postgres restarted on port ${options.port} (pid ${current.pid}), attempt ${attemptsUsed} of ${MAX_RESTART_ATTEMPTS}`, "info");
        if (!isStopping) watch(current);
        return;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        options.log(`restarting embedded Postgres failed, attempt ${attemptsUsed} of ${MAX_RESTART_ATTEMPTS}: ${reason}`, "warn");
        if (attemptsUsed < MAX_RESTART_ATTEMPTS) await backOff(FIRST_RETRY_DELAY_MS * 2 ** (attemptsUsed - 1));
      }
    }
    if (!isStopping) {
      options.log(
        `embedded Postgres could not be restarted after ${MAX_RESTART_ATTEMPTS} attempts (see postgres.log); requests get 503 until Goldloop is restarted`,
        "error",
      );
    }
  };

  function watch(postmaster: Postmaster): void {
    const onExit = () => {
      stopWatching();
      if (isStopping) return;
      inFlightRestart = restart(postmaster.pid).finally(() => (inFlightRestart = null));
    };
    if (postmaster.child) {
      const child = postmaster.child;
      child.once("exit", onExit);
      stopWatching = () => void child.off("exit", onExit);
      return;
    }
    // No exit event reaches us for a process we did not spawn, so look for it now and then.
    const timer = setInterval(() => {
      if (!isProcessAlive(postmaster.pid)) onExit();
    }, ADOPTED_POLL_MS);
    timer.unref();
    stopWatching = () => clearInterval(timer);
  }

  watch(current);
  return {
    stop: async () => {
      isStopping = true;
      stopWatching();
      wakeFromBackoff();
      await inFlightRestart;
      return current.pid;
    },
  };
}
