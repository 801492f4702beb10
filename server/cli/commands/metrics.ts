import { NotFoundError } from "@/server/lib/errors";
import { backfillMetrics, refreshMetrics } from "@/server/metrics/service";
import { findProjectBySlug } from "@/server/projects/queries";
import { CliUsageError, parseCommandArgs, requireFlag, type CliCommand } from "../command";
import { withCliDatabase } from "../database";
import { runDomainCommand } from "../domain-errors";

function parseSince(value: string): Date {
  const since = new Date(value);
  if (Number.isNaN(since.getTime())) throw new CliUsageError(`--since: "${value}" is not a date (use an ISO date such as 2026-11-01)`);
  if (since.getTime() > Date.now()) throw new CliUsageError("--since must not be in the future");
  return since;
}

export const metricsCommand: CliCommand = {
  path: ["metrics"],
  summary: "Bring a project's loop-health metric points up to date, or recompute them all with --backfill",
  usage: "metrics --project SLUG [--backfill] [--since DATE]",
  async run(args, io) {
    const flags = parseCommandArgs(args, { project: { type: "string" }, backfill: { type: "boolean" }, since: { type: "string" } });
    const projectSlug = requireFlag(flags.project, "project");
    if (flags.since !== undefined && !flags.backfill) throw new CliUsageError("--since goes with --backfill (a plain run picks up the new rows wherever they fall)");
    const since = flags.since === undefined ? undefined : parseSince(flags.since);
    const result = await withCliDatabase((db) =>
      runDomainCommand(async () => {
        const project = await findProjectBySlug(db, projectSlug);
        if (!project) throw new NotFoundError(`no project with slug "${projectSlug}"`, { field: "project" });
        return flags.backfill ? backfillMetrics(db, project.id, { since }) : refreshMetrics(db, project.id);
      }),
    );
    const what = flags.backfill ? `backfilled ${since ? `since ${since.toISOString()}` : "the whole history"}` : "refreshed";
    io.stdout(`${what}: recomputed ${result.windowsRecomputed.toLocaleString("en-US")} windows of "${projectSlug}"\n`);
    return 0;
  },
};
