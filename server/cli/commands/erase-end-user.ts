import { NotFoundError } from "@/server/lib/errors";
import { parseInput } from "@/server/lib/validation";
import { toErasurePreviewReport, toErasureReport } from "@/server/privacy/erasure-report";
import { assertEndUserIsStored, eraseEndUser, previewEndUserErasure } from "@/server/privacy/erasure-service";
import { endUserIdSchema, type ErasureCounts } from "@/server/privacy/schema";
import { findProjectBySlug } from "@/server/projects/queries";
import { parseCommandArgs, requireFlag, type CliCommand } from "../command";
import { withCliDatabase } from "../database";
import { runDomainCommand } from "../domain-errors";

const describeCounts = (counts: ErasureCounts) =>
  `${counts.outputs} outputs, ${counts.signals} signals, ${counts.queueItems} queue items, ${counts.assignments} assignments, ` +
  `${counts.annotations} annotations, ${counts.goldLabels} gold labels, ${counts.goldItems} gold checks, ${counts.collabDocuments} collaboration documents`;

export const eraseEndUserCommand: CliCommand = {
  path: ["erase-end-user"],
  summary: "Erase an end user's outputs, signals, labels, gold and documents; their release rows become tombstones",
  usage: "erase-end-user --project SLUG --end-user ID [--dry-run]",
  async run(args, io) {
    const flags = parseCommandArgs(args, { project: { type: "string" }, "end-user": { type: "string" }, "dry-run": { type: "boolean" } });
    const slug = requireFlag(flags.project, "project");
    const endUserId = await runDomainCommand(() => parseInput(endUserIdSchema, requireFlag(flags["end-user"], "end-user")));
    return withCliDatabase((db) =>
      runDomainCommand(async () => {
        const project = await findProjectBySlug(db, slug);
        if (!project) throw new NotFoundError(`no project with slug "${slug}"`, { field: "project" });
        if (flags["dry-run"]) {
          const counts = await previewEndUserErasure(db, project.id, endUserId);
          // Exits 2 like the erasure itself would, so a typo in a dry run does not read as "nothing to do".
          assertEndUserIsStored(endUserId, counts);
          io.stderr(`would erase ${describeCounts(counts)}, and turn ${counts.releaseRowsTombstoned} frozen release rows into tombstones\n`);
          io.stdout(`${JSON.stringify(toErasurePreviewReport(endUserId, counts))}\n`);
          return 0;
        }
        const result = await eraseEndUser(db, { projectId: project.id, userId: null }, endUserId);
        io.stderr(`erased ${describeCounts(result.deleted)}; ${result.deleted.releaseRowsTombstoned} frozen release rows are now tombstones\n`);
        io.stdout(`${JSON.stringify(toErasureReport(result))}\n`);
        return 0;
      }),
    );
  },
};
