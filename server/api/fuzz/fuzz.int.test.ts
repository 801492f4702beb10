import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { appRouter } from "../root";
import { restTargets } from "./rest-targets";
import { listRestRoutes, runFuzz, type FuzzReport } from "./run-fuzz";
import { trpcTargets } from "./trpc-targets";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const testDb = setUpTestDatabase();

// `npm test` sends a few hundred requests; `npm run fuzz` (cli.ts) runs this file with FUZZ_RUNS of them.
const longRun = Number(process.env.FUZZ_RUNS ?? 0);
const targets = Object.keys(trpcTargets).length + Object.keys(restTargets).length;
const runsPerTarget = longRun > 0 ? Math.ceil(longRun / targets) : 5;

// REST handlers open the process-wide pool from DATABASE_URL.
beforeAll(() => {
  process.env.DATABASE_URL = testDb.url;
});
afterAll(async () => {
  await closeDatabase();
});

describe("fuzzing every tRPC procedure and REST route", () => {
  it("has a generator for every procedure of the router, and none for procedures that are gone", () => {
    expect(Object.keys(trpcTargets).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  it("has a generator for every REST route file and method, and none for routes that are gone", async () => {
    expect(Object.keys(restTargets).sort()).toEqual([...(await listRestRoutes(root)).keys()].sort());
  });

  it("answers bad and odd requests with a 4xx naming the field (never a 5xx) and writes nothing it refuses", { timeout: 60_000 + runsPerTarget * targets * 200 }, async () => {
    // A fresh seed each run explores new cases; a failure prints it, and FUZZ_SEED replays it.
    const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const started = performance.now();
    const stats = await runFuzz({ db: testDb.db, root, runsPerTarget, seed });
    if (process.env.FUZZ_REPORT) {
      const report: FuzzReport = { ...stats, seed, targets, seconds: (performance.now() - started) / 1000 };
      writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(report));
    }
    expect(stats.problems.slice(0, 20), `seed ${seed}, ${stats.problems.length} problems`).toEqual([]);
    expect(stats.requests).toBeGreaterThanOrEqual(runsPerTarget * targets);
  });
});
