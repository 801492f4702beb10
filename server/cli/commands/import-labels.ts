import { performance } from "node:perf_hooks";
import { resolveImportedQueue } from "@/server/crowd-import/resolve-imported";
import { crowdImportPolicies, importCrowdLabels, type CrowdImportPolicy } from "@/server/crowd-import/service";
import { measureTruthAccuracy } from "@/server/crowd-import/truth-accuracy";
import { ValidationError } from "@/server/lib/errors";
import { CliUsageError, parseCommandArgs, requireFlag, type CliCommand } from "../command";
import { withCliDatabase } from "../database";
import { runDomainCommand } from "../domain-errors";
import { readLabelFile, readTruthFile } from "../label-files";

const methodOfPolicy: Record<CrowdImportPolicy, string> = { ds: "dawid_skene", majority: "majority" };
/** The gold methods each policy writes; gold written earlier under another policy is never rewritten. */
const goldMethodsOfPolicy: Record<CrowdImportPolicy, readonly string[]> = { ds: ["dawid_skene"], majority: ["unanimous", "majority"] };

function parsePolicy(value: string | undefined): CrowdImportPolicy {
  if (value === undefined) return "ds";
  const policy = crowdImportPolicies.find((candidate) => candidate === value);
  if (policy === undefined) throw new CliUsageError(`unknown --policy "${value}"; use ds or majority`);
  return policy;
}

/**
 * `goldloop import-labels`: crowd answers into a queue as real annotations, resolved by the queue's own
 * policy, so the product's gold can be compared with the CLI's inference on the same file.
 */
export const importLabelsCommand: CliCommand = {
  path: ["import-labels"],
  summary: "Load item,worker,label crowd answers into a queue as annotations by pseudonymous annotators and resolve them",
  usage: "import-labels --project SLUG --queue NAME --labels FILE.csv [--truth FILE.csv] [--policy ds|majority]",
  async run(args, io) {
    const flags = parseCommandArgs(args, {
      project: { type: "string" },
      queue: { type: "string" },
      labels: { type: "string" },
      truth: { type: "string" },
      policy: { type: "string" },
    });
    const projectSlug = requireFlag(flags.project, "project");
    const queueName = requireFlag(flags.queue, "queue");
    const labelsPath = requireFlag(flags.labels, "labels");
    const policy = parsePolicy(flags.policy);
    // Both files are read and checked before anything is written.
    const answers = await readLabelFile(labelsPath);
    const truth = flags.truth === undefined ? undefined : await readTruthFile(flags.truth);

    return withCliDatabase((db) =>
      runDomainCommand(async () => {
        const started = performance.now();
        const imported = await importCrowdLabels(db, { projectSlug, queueName, answers, policy }).catch((error: unknown) => {
          // Problems with the file's answers name its line; say which file.
          if (error instanceof ValidationError && error.field === "labels") throw new CliUsageError(`${labelsPath} ${error.message}`);
          throw error;
        });
        const importMs = performance.now() - started;
        const resolution = await resolveImportedQueue(db, { projectId: imported.projectId, queueId: imported.queueId, policy });
        const resolveMs = performance.now() - started - importMs;
        io.stderr(
          `${imported.isNewQueue ? "created" : "added to"} queue "${queueName}" (${imported.queueId}): ${imported.items} items, ${imported.workers} annotators, ` +
            `${imported.newAnswers} new of ${imported.answers} answers in ${Math.round(importMs)} ms; ` +
            `resolved ${resolution.resolved}, conflicts ${resolution.conflicts} in ${Math.round(resolveMs)} ms` +
            resolution.fits.map((fit) => ` (${fit.method} fit of ${fit.fieldKey}: read ${Math.round(fit.readMs)} ms, fit ${Math.round(fit.fitMs)} ms, write ${Math.round(fit.writeMs)} ms)`).join("") +
            "\n",
        );
        if (truth !== undefined) {
          const score = await measureTruthAccuracy(db, { projectId: imported.projectId, queueId: imported.queueId, fieldKey: imported.fieldKey, truth });
          const earlier = Object.entries(score.goldMethods).filter(([method]) => !goldMethodsOfPolicy[policy].includes(method));
          const earlierCount = earlier.reduce((total, [, count]) => total + count, 0);
          if (earlierCount > 0) {
            io.stderr(`${earlierCount} of the ${score.items} scored items keep gold written earlier (${earlier.map(([method, count]) => `${method} ${count}`).join(", ")}); gold is never rewritten\n`);
          }
          io.stdout(`accuracy=${score.accuracy.toFixed(4)} items=${score.items} method=${earlierCount > 0 ? "mixed" : methodOfPolicy[policy]}\n`);
        }
        return 0;
      }),
      // The refit reads a queue's answers over four connections side by side; two would leave reads waiting
      // for a connection until the pool's timeout on a large queue.
      { maxConnections: 6 },
    );
  },
};
