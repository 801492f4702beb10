import { performance } from "node:perf_hooks";
import { withCliDatabase } from "@/server/cli/database";
import { refreshMetrics } from "@/server/metrics/service";
import { nextDay, simulatedDayStart, workdayStart } from "@/server/simulator/calendar";
import { runDayWork } from "@/server/simulator/day";
import { readDayMetrics } from "@/server/simulator/observe";
import { readDatabaseClock, shiftProjectTimestamps } from "@/server/simulator/queries";
import { formatDayRow, formatTableHeader } from "@/server/simulator/report";
import { scenarios, worldOnDay, type ScenarioName } from "@/server/simulator/scenarios";
import { createSimulatedProject } from "@/server/simulator/setup";
import { generateDayTraffic } from "@/server/simulator/traffic";

const scenario = scenarios[(process.env.SCEN ?? "healthy") as ScenarioName];
const days = Number(process.env.DAYS ?? 20), onset = Number(process.env.ONSET ?? 10), seed = 1;
await withCliDatabase(async (db) => {
  const now = new Date();
  const sim = await createSimulatedProject(db, { slug: `bench-${Date.now().toString(36)}`, name: "bench" });
  const truthById = new Map();
  const t = { work: 0, shift: 0, metrics: 0, read: 0 };
  const t0 = performance.now();
  console.log(formatTableHeader());
  for (let day = 1; day <= days; day++) {
    const world = worldOnDay(scenario, day, onset);
    const dayStart = simulatedDayStart(day, days, now), dayEnd = nextDay(dayStart);
    let a = performance.now();
    const since = await readDatabaseClock(db);
    const work = await runDayWork(db, { simulated: sim, traffic: generateDayTraffic(world, seed, day), annotators: world.annotators, seed, truthById });
    t.work += performance.now() - a; a = performance.now();
    await db.transaction().execute((trx) => shiftProjectTimestamps(trx, { projectId: sim.project.id, since, shiftMs: workdayStart(dayStart).getTime() - since.getTime() }));
    t.shift += performance.now() - a; a = performance.now();
    await refreshMetrics(db, sim.project.id, { now: dayEnd });
    t.metrics += performance.now() - a; a = performance.now();
    const metrics = await readDayMetrics(db, { projectId: sim.project.id, queueId: sim.queueId, windowStart: dayStart, windowEnd: dayEnd });
    t.read += performance.now() - a;
    console.log(formatDayRow({ day, date: dayStart.toISOString().slice(0, 10), outputs: work.outputs, queued: work.queued, metrics, alerts: [] }), work.annotations);
  }
  console.log(t, performance.now() - t0);
}, { maxConnections: 8 });
