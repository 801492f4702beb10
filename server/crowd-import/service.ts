import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { NotFoundError, ValidationError } from "@/server/lib/errors";
import { findProjectBySlug } from "@/server/projects/queries";
import { createQueueSchema, DEFAULT_QUALITY_SETTINGS, labelSchemaSchema, primaryChoiceField, type ConsensusMethod, type LabelSchema } from "@/server/queues/schema";
import { buildCrowdField, checkCrowdIds, checkLabelsFitField, countMostAnswersPerItem, type CrowdAnswers } from "./label-field";
import { analyzeImportedTables, findOpenQueueByName, insertCrowdAnswers, insertImportedQueue, updateImportedQueue, upsertCrowdItems, upsertCrowdWorkers } from "./queries";

export const crowdImportPolicies = ["ds", "majority"] as const;
export type CrowdImportPolicy = (typeof crowdImportPolicies)[number];

/** The queue settings a policy stands for: Dawid–Skene takes the most probable value (posterior ≥ 0.5), so every item resolves. */
const policySettings: Record<CrowdImportPolicy, { consensusMethod: ConsensusMethod; minPosterior: number }> = {
  ds: { consensusMethod: "dawid_skene", minPosterior: 0.5 },
  majority: { consensusMethod: "majority", minPosterior: DEFAULT_QUALITY_SETTINGS.minPosterior },
};

export type CrowdImport = {
  projectId: string;
  queueId: string;
  fieldKey: string;
  isNewQueue: boolean;
  items: number;
  workers: number;
  answers: number;
  /** Answers not imported before; a re-import of the same file adds none. */
  newAnswers: number;
};

/** A crowd worker's pseudonymous user: an address on a reserved domain (RFC 2606) that can never receive mail, unique per project and worker. */
function crowdWorkerUser(projectId: string, workerId: string) {
  const digest = createHash("sha256").update(`${projectId}\n${workerId}`).digest("hex").slice(0, 24);
  return { email: `crowd-${digest}@crowd.goldloop.invalid`, name: `Crowd worker ${workerId}` };
}

function crowdItem(externalId: string) {
  return { externalId, contentHash: createHash("sha256").update(`crowd item\n${externalId}`).digest("hex"), text: `Crowd item ${externalId}` };
}

function parseQueueName(name: string): string {
  const parsed = createQueueSchema.shape.name.safeParse(name);
  if (!parsed.success) throw new ValidationError(`queue: ${parsed.error.issues[0]!.message}`, { field: "queue" });
  return parsed.data;
}

/**
 * Loads item,worker,label answers into a queue as real annotations by pseudonymous annotators, in one
 * transaction: nothing is written when any part fails. Creates the queue when the project has no open
 * queue of that name (one single-select field over the file's labels, overlap = the most answers any item
 * has, the policy's consensus method); an existing queue must be one made by an import. Items arrive in
 * `needs_resolution`, closed to new labels; resolving them is the caller's next step.
 */
export async function importCrowdLabels(db: Kysely<DB>, params: { projectSlug: string; queueName: string; answers: CrowdAnswers; policy: CrowdImportPolicy }): Promise<CrowdImport> {
  const { answers, policy } = params;
  const project = await findProjectBySlug(db, params.projectSlug);
  if (!project) throw new NotFoundError(`no project with slug ${params.projectSlug}`, { field: "project" });
  const queueName = parseQueueName(params.queueName);
  checkCrowdIds(answers);
  const settings = policySettings[policy];

  const imported = await db.transaction().execute(async (trx) => {
    const existing = await findOpenQueueByName(trx, project.id, queueName);
    if (existing && !existing.isImported) {
      throw new ValidationError(`queue: "${queueName}" is a queue your annotators work in; import crowd answers into a queue of their own (a new name creates one)`, { field: "queue" });
    }
    let queueId: string;
    let labelSchema: LabelSchema;
    let schemaVersion = 1;
    if (existing) {
      labelSchema = labelSchemaSchema.parse(existing.labelSchema);
      const field = primaryChoiceField(labelSchema);
      if (!field) throw new ValidationError(`queue: "${queueName}" has no single-choice field to import answers into`, { field: "queue" });
      checkLabelsFitField(answers, field);
      queueId = existing.id;
      schemaVersion = existing.schemaVersion;
    } else {
      labelSchema = { fields: [buildCrowdField(answers)], allowNote: false, allowCorrection: false, correctionConsensus: { rule: "identical" } };
      const overlap = countMostAnswersPerItem(answers);
      ({ id: queueId } = await insertImportedQueue(trx, {
        projectId: project.id,
        name: queueName,
        labelSchema,
        overlap,
        majorityThreshold: DEFAULT_QUALITY_SETTINGS.majorityThreshold,
        ...settings,
      }));
      await insertAuditEntry(trx, {
        projectId: project.id,
        action: "queue.created",
        targetType: "queue",
        targetId: queueId,
        data: { name: queueName, overlap, consensusMethod: settings.consensusMethod, imported: true },
      });
    }
    const fieldKey = labelSchema.fields[0]!.key;

    const workerIds = [...new Set(answers.workers)];
    const workerUsers = workerIds.map((workerId) => crowdWorkerUser(project.id, workerId));
    const userIdByEmail = await upsertCrowdWorkers(trx, project.id, workerUsers);
    const userIdByWorker = new Map(workerIds.map((workerId, index) => [workerId, userIdByEmail.get(workerUsers[index]!.email)!]));

    const itemIds = [...new Set(answers.items)];
    const queueItemIds = await upsertCrowdItems(trx, { projectId: project.id, queueId, items: itemIds.map(crowdItem) });
    const newAnswers = await insertCrowdAnswers(trx, {
      projectId: project.id,
      queueId,
      fieldKey,
      schemaVersion,
      answers: answers.items.map((item, index) => ({
        queueItemId: queueItemIds.get(item)!,
        annotatorId: userIdByWorker.get(answers.workers[index]!)!,
        label: answers.labels[index]!,
      })),
    });
    if (existing) await updateImportedQueue(trx, { queueId, ...settings });
    await insertAuditEntry(trx, {
      projectId: project.id,
      action: "queue.labels_imported",
      targetType: "queue",
      targetId: queueId,
      data: { items: itemIds.length, workers: workerIds.length, answers: answers.items.length, newAnswers, policy },
    });
    return { projectId: project.id, queueId, fieldKey, isNewQueue: !existing, items: itemIds.length, workers: workerIds.length, answers: answers.items.length, newAnswers };
  });
  if (imported.newAnswers > 0) await analyzeImportedTables(db);
  return imported;
}
