import { prepareReleaseExport, streamReleaseExport } from "@/server/datasets/export";
import { NotFoundError } from "@/server/lib/errors";
import { findProjectBySlug } from "@/server/projects/queries";
import { writeFileAtomically } from "../atomic-file";
import { parseCommandArgs, requireFlag, type CliCommand } from "../command";
import { withCliDatabase } from "../database";
import { runDomainCommand } from "../domain-errors";
import { exportFlagOptions, exportFlagUsage, parseExportFlags } from "../export-flags";
import { countRows, startTransferProgress } from "../transfer-progress";

export const exportCommand: CliCommand = {
  path: ["export"],
  summary: "Write a dataset release to a file in any format, straight from the database",
  usage: `export --project SLUG --dataset SLUG ${exportFlagUsage}`,
  async run(args, io) {
    const flags = parseCommandArgs(args, { project: { type: "string" }, ...exportFlagOptions });
    const projectSlug = requireFlag(flags.project, "project");
    const datasetSlug = requireFlag(flags.dataset, "dataset");
    const out = requireFlag(flags.out, "out");
    const { release, options } = await parseExportFlags(flags);
    const written = await withCliDatabase(async (db) => {
      const releaseExport = await runDomainCommand(async () => {
        const project = await findProjectBySlug(db, projectSlug);
        if (!project) throw new NotFoundError(`no project with slug "${projectSlug}"`, { field: "project" });
        return prepareReleaseExport(db, { projectId: project.id, slug: datasetSlug, release, options });
      });
      const progress = startTransferProgress(`${releaseExport.fileName}`, releaseExport.rowCount);
      let rows = 0;
      const stream = streamReleaseExport(db, releaseExport, { onRows: (sent) => (rows = sent) });
      const bytes = await writeFileAtomically(stream, out, (sent) => progress.update({ rows, bytes: sent }));
      progress.done();
      return { releaseExport, bytes };
    });
    const { releaseExport, bytes } = written;
    io.stderr(`wrote ${countRows(releaseExport.rowCount)} (${bytes.toLocaleString("en-US")} bytes) of release ${releaseExport.selection.releaseNumber} of "${releaseExport.datasetSlug}" as ${options.format} to ${out}\n`);
    return 0;
  },
};
