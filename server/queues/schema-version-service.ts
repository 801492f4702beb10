import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import type { ProjectActor } from "@/server/auth/actor";
import { parseLabelSchema } from "@/server/items/label-values";
import { answerFields } from "@/server/labels/label-schema";
import { NotFoundError, ValidationError } from "@/server/lib/errors";
import { findQueueForSchemaChange } from "./queries";
import { planSchemaChange, type OptionMappings } from "./schema-change";
import { carryOpenAnswersOver, countOpenAnswers, countOpenItemsWithoutCandidates, insertSchemaVersion, listSchemaVersions, measureFieldUse } from "./schema-version-queries";
import { isPairwiseSchema, type ApprovalValues, type LabelSchema, type UpdateLabelSchemaInput } from "./schema";

/** Acceptable answers of the new version: mapped where their option was mapped, dropped where it is gone. */
function carryApprovalValuesOver(approvalValues: ApprovalValues, labelSchema: LabelSchema, mappings: OptionMappings): ApprovalValues {
  const carried: ApprovalValues = {};
  for (const [fieldKey, values] of Object.entries(approvalValues)) {
    const field = labelSchema.fields.find((candidate) => candidate.key === fieldKey);
    if (field?.type !== "categorical") continue;
    const options = new Set(field.options.map((option) => option.value));
    const kept = [...new Set(values.map((value) => mappings[fieldKey]?.[value] ?? value))].filter((value) => options.has(value));
    if (kept.length > 0) carried[fieldKey] = kept;
  }
  return carried;
}

/**
 * Makes a new version of a queue's label schema (audited). Answers and gold keep the version they were
 * given under; the answers of open items are carried over (removed options they chose mapped as asked), so
 * those items resolve under the new version. A change that would leave answers unreadable is refused,
 * naming what to do: keep a field that has answers, keep its type, map every removed option in use.
 */
export async function updateLabelSchema(db: Kysely<DB>, actor: ProjectActor, input: UpdateLabelSchemaInput) {
  return db.transaction().execute(async (trx) => {
    const queue = await findQueueForSchemaChange(trx, actor.projectId, input.queueId);
    if (!queue) throw new NotFoundError("no open queue with this id in the project", { field: "queueId" });
    const before = parseLabelSchema(queue.labelSchema);
    if (JSON.stringify(before) === JSON.stringify(input.labelSchema)) return { version: queue.schemaVersion, remapped: 0, isNewVersion: false };
    const scope = { projectId: actor.projectId, queueId: input.queueId, version: queue.schemaVersion };
    const use = Object.assign(await measureFieldUse(trx, scope, answerFields(before)), { openAnswers: await countOpenAnswers(trx, scope) });
    const { problems, applied } = planSchemaChange(before, input.labelSchema, use, input.optionMappings);
    const [problem] = problems;
    if (problem) throw new ValidationError(problems.map((each) => each.message).join("; "), { field: problem.field });
    if (isPairwiseSchema(input.labelSchema) && !isPairwiseSchema(before)) {
      const single = await countOpenItemsWithoutCandidates(trx, scope);
      if (single > 0) {
        throw new ValidationError(`a pairwise field compares candidates, and ${single} open item${single === 1 ? " has" : "s have"} one output; remove them or make a new queue`, {
          field: "labelSchema",
        });
      }
    }
    const remapped = await carryOpenAnswersOver(trx, scope, answerFields(before), applied);
    const approvalValues = carryApprovalValuesOver(queue.approvalValues as ApprovalValues, input.labelSchema, applied);
    await insertSchemaVersion(trx, { ...scope, labelSchema: input.labelSchema, createdBy: actor.userId, approvalValues });
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "queue.label_schema_versioned",
      targetType: "queue",
      targetId: input.queueId,
      data: { fromVersion: queue.schemaVersion, toVersion: queue.schemaVersion + 1, optionMappings: applied, remappedAnswers: remapped, labelSchema: input.labelSchema },
    });
    return { version: queue.schemaVersion + 1, remapped, isNewVersion: true };
  });
}

/** A queue's label schema versions, newest first, each with its fields and who made it. */
export async function listProjectSchemaVersions(db: Kysely<DB>, actor: ProjectActor, queueId: string) {
  const versions = await listSchemaVersions(db, actor.projectId, queueId);
  if (versions.length === 0) throw new NotFoundError("no queue with this id in the project", { field: "queueId" });
  return versions.map((version) => ({ ...version, labelSchema: parseLabelSchema(version.labelSchema) }));
}
