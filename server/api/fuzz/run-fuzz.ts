import { globSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import type { Database } from "@/db";
import { appRouter } from "../root";
import { headersFor } from "./bad-credentials";
import { seedFuzzFixture, type FuzzFixture } from "./fixture";
import { describeValue } from "./odd-values";
import { restTargets, type RestCase } from "./rest-targets";
import { createRowCounter, describeRowChanges } from "./row-counts";
import { runTrpcCase, trpcCasesFor, type Procedure, type TrpcCase, type TrpcRun } from "./trpc-cases";
import { trpcTargets } from "./trpc-targets";
import { queueItemsSettled } from "@/server/ingest/queue-item-plans";
import { isMethodRefusal } from "../rest";

/** How many requests were sent, how many got a 5xx, how many got each status, and what went wrong. */
export type FuzzStats = { requests: number; serverErrors: number; statuses: Record<number, number>; problems: string[] };
/** What a long run (`npm run fuzz`) prints: the stats, with the seed to replay them. */
export type FuzzReport = FuzzStats & { seed: number; targets: number; seconds: number };

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Every REST handler under app/api/v1 (not the 405s for methods a path does not serve), keyed `METHOD /api/v1/…` as its file lays out the path. */
export async function listRestRoutes(root: string): Promise<Map<string, RouteHandler>> {
  const routes = new Map<string, RouteHandler>();
  for (const file of globSync("app/api/v1/**/route.ts", { cwd: root }).sort()) {
    const exported = (await import(pathToFileURL(join(root, file)).href)) as Record<string, unknown>;
    const path = `/${dirname(file).replace(/^app\//, "")}`;
    for (const method of HTTP_METHODS) {
      if (typeof exported[method] === "function" && !isMethodRefusal(exported[method])) routes.set(`${method} ${path}`, exported[method] as RouteHandler);
    }
  }
  return routes;
}

const isEventStream = (response: Response) => response.headers.get("content-type")?.startsWith("text/event-stream") ?? false;

/** An event stream stays open for new events: its first chunk shows it started, then the case hangs up. */
async function readFirstChunk(response: Response): Promise<string> {
  const reader = response.body!.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return new TextDecoder().decode(value);
}

/** Sends one REST case straight to its handler; the answer must be under 500, and a 4xx must name its field. */
async function runRestCase(handler: RouteHandler, testCase: RestCase, fixture: FuzzFixture): Promise<{ status: number; isRefused: boolean; problems: string[] }> {
  const credentials = testCase.credential ? await headersFor(testCase.credential, { someoneId: fixture.members.admin.id, revokedApiKey: fixture.secrets.revoked }) : {};
  const { method, path, params, headers, body } = testCase.request;
  const response = await handler(new Request(`http://localhost${path}`, { method, headers: { ...headers, ...credentials }, body }), { params: Promise.resolve(params) });
  const text = isEventStream(response) ? await readFirstChunk(response) : await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Release pulls answer with JSON lines, not one JSON document; the checks below need only error bodies.
  }
  const problems = testCase.check(response.status, parsed);
  const error = (parsed as { error?: { code?: unknown; field?: unknown } } | null)?.error;
  if (response.status >= 500) problems.push(`${response.status}: ${text.slice(0, 300)}`);
  else if (response.status >= 400 && (typeof error?.code !== "string" || typeof error.field !== "string" || error.field === "")) problems.push(`${response.status} names no field: ${text.slice(0, 300)}`);
  const summary = (parsed as { summary?: { created: number } } | null)?.summary;
  return { status: response.status, isRefused: response.status >= 400 || summary?.created === 0, problems };
}

function describeTrpcCase(testCase: TrpcCase): string {
  switch (testCase.kind) {
    case "input":
      return `${testCase.overHttp ? "over HTTP" : "in process"} ${describeValue(testCase.mutation)}`;
    case "credentials":
      return `credentials ${testCase.credential}`;
    case "transport":
      return `transport ${testCase.payload}`;
  }
}

/**
 * Sends `runsPerTarget` generated requests to every tRPC procedure and REST route, after seeding a project
 * (and a foreign one) to aim them at. Each answer must be under 500 and, when it refuses, name the field
 * and leave every table's row count as it was. Targets without a generator are problems too.
 */
export async function runFuzz(options: { db: Database; root: string; runsPerTarget: number; seed: number }): Promise<FuzzStats> {
  const { db, runsPerTarget, seed } = options;
  const fixture = await seedFuzzFixture(db);
  const countRows = await createRowCounter(db);
  const stats: FuzzStats = { requests: 0, serverErrors: 0, statuses: {}, problems: [] };
  let counts = await countRows();
  const record = async (label: string, result: { status: number; isRefused: boolean; problems: string[] }) => {
    stats.requests += 1;
    if (result.status >= 500) stats.serverErrors += 1;
    stats.statuses[result.status] = (stats.statuses[result.status] ?? 0) + 1;
    // A created batch's queue items are written after its answer: counted once written, not mid-way.
    await queueItemsSettled();
    const after = await countRows();
    const changes = result.isRefused ? describeRowChanges(counts, after) : [];
    if (changes.length > 0) result.problems.push(`refused with ${result.status}, yet rows changed: ${changes.join(", ")}`);
    counts = after;
    stats.problems.push(...result.problems.map((problem) => `${label}: ${problem}`));
  };

  const run: TrpcRun = { db, fixture, cookies: new Map() };
  // The router types its flat procedure map as its nested record; at run time it is path → procedure.
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>).sort(([a], [b]) => a.localeCompare(b));
  for (const [index, [path, procedure]] of procedures.entries()) {
    const target = trpcTargets[path];
    if (!target) {
      stats.problems.push(`${path}: no generator in trpc-targets.ts`);
      continue;
    }
    for (const testCase of trpcCasesFor(procedure, fixture, { runs: runsPerTarget, seed: seed + index })) {
      const { outcome, problems } = await runTrpcCase(run, path, procedure, target, testCase);
      await record(`tRPC ${path} ${describeTrpcCase(testCase)} (seed ${seed})`, { status: outcome.status, isRefused: outcome.status >= 400, problems });
    }
  }

  for (const [index, [route, handler]] of [...(await listRestRoutes(options.root))].entries()) {
    const target = restTargets[route];
    if (!target) {
      stats.problems.push(`${route}: no generator in rest-targets.ts`);
      continue;
    }
    const { sweep, cases } = target(fixture);
    const routeSeed = seed + procedures.length + index;
    for (const testCase of [...(sweep ? fc.sample(sweep, { numRuns: 1, seed: routeSeed }) : []), ...fc.sample(cases, { numRuns: runsPerTarget, seed: routeSeed })]) {
      await record(`REST ${route} ${testCase.label} (seed ${seed})`, await runRestCase(handler, testCase, fixture));
    }
  }
  return stats;
}
