import { runReleasePublication } from "@/server/datasets/publish-job";
import { getReleaseProgress, requestReleaseBySlug } from "@/server/datasets/publish-service";
import { datasetSlugSchema, publishReleaseSchema } from "@/server/datasets/schema";
import { NotFoundError } from "@/server/lib/errors";
import { parseInput } from "@/server/lib/validation";
import { findProjectBySlug } from "@/server/projects/queries";
import { parseCommandArgs, requireFlag, type CliCommand, type CliIo } from "../command";
import { withCliDatabase } from "../database";
import { runDomainCommand } from "../domain-errors";

const BAR_WIDTH = 30;

/** Progress on a terminal redraws one line; piped output gets a line per tenth, so logs stay short. */
export function progressPrinter(io: CliIo, isTty: boolean) {
  let lastTenth = -1;
  return ({ rowsFrozen, rowsExpected }: { rowsFrozen: number; rowsExpected: number }) => {
    const share = rowsExpected === 0 ? 1 : Math.min(rowsFrozen / rowsExpected, 1);
    if (isTty) {
      const filled = Math.round(share * BAR_WIDTH);
      io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${rowsFrozen.toLocaleString("en")} / ${rowsExpected.toLocaleString("en")} rows`);
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    io.stderr(`frozen ${rowsFrozen} of ${rowsExpected} rows\n`);
  };
}

export const publishCommand: CliCommand = {
  path: ["publish"],
  summary: "Publish the next release of a dataset (with --wait, freeze it here and show progress)",
  usage: "publish --project SLUG --dataset SLUG [--notes TEXT] [--wait]",
  async run(args, io) {
    const flags = parseCommandArgs(args, { project: { type: "string" }, dataset: { type: "string" }, notes: { type: "string" }, wait: { type: "boolean" } });
    const projectSlug = requireFlag(flags.project, "project");
    const datasetSlug = await runDomainCommand(() => parseInput(datasetSlugSchema, requireFlag(flags.dataset, "dataset")));
    const { notes } = await runDomainCommand(() => parseInput(publishReleaseSchema.pick({ notes: true }), { notes: flags.notes ?? "" }));
    const isTty = process.stderr.isTTY === true;
    return withCliDatabase((db) =>
      runDomainCommand(async () => {
        const project = await findProjectBySlug(db, projectSlug);
        if (!project) throw new NotFoundError(`no project with slug "${projectSlug}"`, { field: "project" });
        const queued = await requestReleaseBySlug(db, { projectId: project.id, userId: null, apiKeyId: null }, { slug: datasetSlug, notes });
        io.stderr(`release ${queued.number} of ${datasetSlug} is queued\n`);
        if (!flags.wait) {
          io.stderr(`a running Goldloop server publishes it; follow it at ${queued.statusPath}, or run with --wait to publish it from here\n`);
          io.stdout(`${queued.number}\n`);
          return 0;
        }
        // Safe beside a server's worker on the same release: each step of the job takes the release's row lock.
        await runReleasePublication(db, { projectId: project.id, releaseId: queued.releaseId }, { onProgress: progressPrinter(io, isTty) });
        if (isTty) io.stderr("\n");
        const progress = await getReleaseProgress(db, project.id, { slug: datasetSlug, release: queued.number });
        if (progress.status !== "published") {
          io.stderr(`release ${queued.number} ${progress.status}: ${progress.error ?? "it did not finish"}\n`);
          return 1;
        }
        io.stderr(`release ${queued.number} published with ${progress.rowCount} rows; pull it from ${progress.pullPath}\n`);
        io.stdout(`${queued.number}\n`);
        return 0;
      }),
    );
  },
};
