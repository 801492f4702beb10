import { performance } from "node:perf_hooks";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { evaluateAlerts } from "@/server/alerts/evaluate-service";
import { refreshMetrics } from "@/server/metrics/service";
import { nextDay, simulatedDayStart, workdayStart } from "./calendar";
import { runDayWork } from "./day";
import { readDayMetrics } from "./observe";
import { readDatabaseClock, shiftProjectTimestamps } from "./queries";
import type { DayRow } from "./report";
import { scenarios, worldOnDay, type ScenarioName } from "./scenarios";
import { createSimulatedProject, type SimulatedProject } from "./setup";
import { summarizeRun, type RaisedAlert } from "./summary";
import { generateDayTraffic } from "./traffic";
import type { Verdict } from "./world";

export type SimulationOptions = { scenario: ScenarioName; days: number; seed: number; onset: number; now?: Date };

export type SimulationHooks = {
  onStart?: (simulated: SimulatedProject) => void;
  onDay?: (row: DayRow) => void;
};

/** Wall-clock milliseconds spent in each part of the run, for the printed footer. */
export type SimulationTimings = { workMs: number; metricsMs: number; alertsMs: number };

export type SimulationResult = { simulated: SimulatedProject; rows: DayRow[]; summary: ReturnType<typeof summarizeRun>; timings: SimulationTimings };

/** A slug no other run takes: scenario, seed and the start time. */
function simulationSlug(options: SimulationOptions, now: Date): string {
  return `sim-${options.scenario}-${options.seed}-${now.getTime().toString(36)}`;
}

/**
 * Runs a scenario in a fresh project on a simulated clock: day after day it drives real ingest, signals,
 * claims and submissions, moves the day's rows onto their simulated day (the last day is yesterday), then
 * refreshes the metrics and evaluates the alerts as the workers would at that day's end.
 */
export async function runSimulation(db: Kysely<DB>, options: SimulationOptions, hooks: SimulationHooks = {}): Promise<SimulationResult> {
  const now = options.now ?? new Date();
  const scenario = scenarios[options.scenario];
  const simulated = await createSimulatedProject(db, { slug: simulationSlug(options, now), name: `Loop simulation: ${scenario.name} (seed ${options.seed})` });
  hooks.onStart?.(simulated);
  const projectId = simulated.project.id;
  const rows: DayRow[] = [];
  const raised: RaisedAlert[] = [];
  const truthById = new Map<string, Verdict>();
  const timings: SimulationTimings = { workMs: 0, metricsMs: 0, alertsMs: 0 };
  const timed = async <T>(part: keyof SimulationTimings, work: () => Promise<T>): Promise<T> => {
    const startedAt = performance.now();
    try {
      return await work();
    } finally {
      timings[part] += performance.now() - startedAt;
    }
  };

  for (let day = 1; day <= options.days; day += 1) {
    const world = worldOnDay(scenario, day, options.onset);
    const dayStart = simulatedDayStart(day, options.days, now);
    const dayEnd = nextDay(dayStart);
    const work = await timed("workMs", async () => {
      const since = await readDatabaseClock(db);
      const done = await runDayWork(db, { simulated, traffic: generateDayTraffic(world, options.seed, day), annotators: world.annotators, seed: options.seed, truthById });
      const shiftMs = workdayStart(dayStart).getTime() - since.getTime();
      await db.transaction().execute((trx) => shiftProjectTimestamps(trx, { projectId, since, shiftMs }));
      return done;
    });
    await timed("metricsMs", () => refreshMetrics(db, projectId, { now: dayEnd }));
    const evaluation = await timed("alertsMs", () => evaluateAlerts(db, projectId, { granularity: "day", now: dayEnd }));
    const alerts = [...new Set(evaluation.raised.map((alert) => alert.detector))].sort();
    raised.push(...alerts.map((detector) => ({ detector, window: day })));

    const row: DayRow = {
      day,
      date: dayStart.toISOString().slice(0, 10),
      outputs: work.outputs,
      queued: work.queued,
      metrics: await readDayMetrics(db, { projectId, queueId: simulated.queueId, windowStart: dayStart, windowEnd: dayEnd }),
      alerts,
    };
    rows.push(row);
    hooks.onDay?.(row);
  }
  return { simulated, rows, summary: summarizeRun(scenario, options.onset, options.days, raised), timings };
}
