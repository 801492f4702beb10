import { performance } from "node:perf_hooks";
import { formatDayRow, formatOnsetDivider, formatSummary, formatSummaryJson, formatTableHeader, columnLegend } from "@/server/simulator/report";
import { scenarioNames, scenarios, type ScenarioName } from "@/server/simulator/scenarios";
import { runSimulation } from "@/server/simulator/service";
import { annotatorProfiles } from "@/server/simulator/world";
import { CliUsageError, parseCommandArgs, requireFlag, type CliCommand } from "../command";
import { withCliDatabase } from "../database";
import { runDomainCommand } from "../domain-errors";

const MAX_DAYS = 365;

function parseScenario(value: string): ScenarioName {
  const name = scenarioNames.find((candidate) => candidate === value);
  if (name === undefined) throw new CliUsageError(`unknown --scenario "${value}"; use one of ${scenarioNames.join(", ")}`);
  return name;
}

function parseInteger(flag: string, value: string | undefined, fallback: number, range: { min: number; max: number }): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < range.min || parsed > range.max) throw new CliUsageError(`--${flag} must be a whole number from ${range.min} to ${range.max}`);
  return parsed;
}

export const simulateCommand: CliCommand = {
  path: ["simulate"],
  summary: "Run a loop scenario in a fresh project on a simulated clock and show what the detectors catch",
  usage: `simulate --scenario ${scenarioNames.join("|")} [--days 60] [--seed N] [--onset DAY] [--json]`,
  async run(args, io) {
    const flags = parseCommandArgs(args, {
      scenario: { type: "string" },
      days: { type: "string" },
      seed: { type: "string" },
      onset: { type: "string" },
      json: { type: "boolean", default: false },
    });
    const scenario = parseScenario(requireFlag(flags.scenario, "scenario"));
    const days = parseInteger("days", flags.days, 60, { min: 2, max: MAX_DAYS });
    const seed = parseInteger("seed", flags.seed, 1, { min: 0, max: 2 ** 32 - 1 });
    const onset = parseInteger("onset", flags.onset, Math.ceil(days / 2), { min: 2, max: days });
    const printTable = (text: string) => {
      if (!flags.json) io.stdout(`${text}\n`);
    };

    const startedAt = performance.now();
    const result = await withCliDatabase(
      (db) =>
        runDomainCommand(() =>
          runSimulation(
            db,
            { scenario, days, seed, onset },
            {
              onStart: ({ project }) => {
                printTable(`Loop simulation "${scenario}", seed ${seed}, ${days} daily windows${scenario === "healthy" ? "" : `, onset day ${onset}`}`);
                printTable(`project ${project.slug}: ${annotatorProfiles.length} simulated annotators, 3 answers per item, 20 % holdout, 20 % decoys\n`);
                printTable(`${columnLegend}\n`);
                printTable(formatTableHeader());
              },
              onDay: (row) => {
                if (row.day === onset && scenario !== "healthy") printTable(formatOnsetDivider(scenarios[scenario], onset));
                printTable(formatDayRow(row));
              },
            },
          ),
        ),
      // The annotators claim and submit concurrently, each on a connection of their own.
      { maxConnections: annotatorProfiles.length + 2 },
    );
    if (flags.json) {
      io.stdout(`${formatSummaryJson(result.summary)}\n`);
      return 0;
    }
    io.stdout(`\n${formatSummary(result.summary)}\n`);
    const seconds = (ms: number) => `${(ms / 1_000).toFixed(1)} s`;
    const { workMs, metricsMs, alertsMs } = result.timings;
    io.stdout(`\nsimulated ${days} days in ${seconds(performance.now() - startedAt)} (ingest, claims and submits ${seconds(workMs)}, metrics ${seconds(metricsMs)}, alert evaluation ${seconds(alertsMs)})\n`);
    return 0;
  },
};
