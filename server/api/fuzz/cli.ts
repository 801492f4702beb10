// The long fuzz run: `npm run fuzz [-- --runs 10000 --seed 42]`. It runs the suite's own test
// (fuzz.int.test.ts) in the `int` Vitest project, so modules load exactly as in `npm test`, with `runs`
// requests spread over every tRPC procedure and REST route after one sweep of every field. Postgres is
// DATABASE_URL's server or an embedded one, as for every integration test. Prints the seed, how many
// requests were made, how many got a 5xx, and every problem found; exits 1 when there is any.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startVitest } from "vitest/node";
import type { FuzzReport } from "./run-fuzz";

const { values: options } = parseArgs({ options: { runs: { type: "string", default: "10000" }, seed: { type: "string" } } });
const runs = Number(options.runs);
const seed = options.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(options.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) throw new Error("--runs and --seed take whole numbers");

const folder = mkdtempSync(join(tmpdir(), "goldloop-fuzz-"));
const reportFile = join(folder, "report.json");
Object.assign(process.env, { FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), FUZZ_REPORT: reportFile });
const vitest = await startVitest(["server/api/fuzz/fuzz.int.test.ts"], { run: true, watch: false, project: ["int"], testNamePattern: "bad and odd requests", reporters: ["dot"] });
await vitest.close();

const print = (line: string) => process.stdout.write(`${line}\n`);
const report = JSON.parse(readFileSync(reportFile, "utf8")) as FuzzReport;
rmSync(folder, { recursive: true, force: true });
print(`\nseed ${report.seed}: ${report.requests} requests to ${report.targets} procedures and routes in ${report.seconds.toFixed(0)} s`);
print(`5xx responses: ${report.serverErrors}`);
print(`by status: ${Object.entries(report.statuses).map(([status, count]) => `${status} × ${count}`).join(", ")}`);
print(`problems: ${report.problems.length}`);
for (const problem of report.problems) print(`  ${problem}`);
process.exit(report.problems.length > 0 ? 1 : 0);
