import { sql, type Kysely } from "kysely";
import type { Executor } from "@/db/executor";
import type { DB } from "@/db/types";
import type { ProjectActor } from "@/server/auth/actor";
import { insertAuditEntry } from "@/server/audit/queries";
import { InvalidStateError, NotFoundError } from "@/server/lib/errors";
import { reopenGold } from "@/server/resolution/revision-service";
import type { ReopenFromFlagInput } from "./schema";

export type RefitFlag = {
  id: number;
  queueItemId: number;
  goldLabelId: number;
  fitId: number;
  fieldKey: string;
  currentValue: string;
  suggestedValue: string;
  posterior: number;
  createdAt: Date;
  closedAt: Date | null;
  closing: "reopened" | "dismissed" | "superseded" | null;
  closedByName: string | null;
  /** What the item shows to a lead: the output's external id. */
  externalId: string;
};

const flagColumns = [
  "f.id",
  "f.queue_item_id as queueItemId",
  "f.gold_label_id as goldLabelId",
  "f.fit_id as fitId",
  "f.field_key as fieldKey",
  "f.current_value as currentValue",
  "f.suggested_value as suggestedValue",
  "f.posterior",
  "f.created_at as createdAt",
  "f.closed_at as closedAt",
  "f.closing",
  "closer.name as closedByName",
  "o.external_id as externalId",
] as const;

function flagQuery(db: Executor, projectId: string) {
  return db
    .selectFrom("gold_refit_flags as f")
    .innerJoin("gold_labels as g", "g.id", "f.gold_label_id")
    .innerJoin("outputs as o", "o.id", "g.output_id")
    .leftJoin("users as closer", "closer.id", "f.closed_by")
    .select(flagColumns)
    .$narrowType<{ closing: RefitFlag["closing"] }>()
    .where("f.project_id", "=", projectId);
}

function toFlag(row: Awaited<ReturnType<ReturnType<typeof flagQuery>["executeTakeFirstOrThrow"]>>): RefitFlag {
  return {
    ...row,
    id: Number(row.id),
    queueItemId: Number(row.queueItemId),
    goldLabelId: Number(row.goldLabelId),
    fitId: Number(row.fitId),
  };
}

/** A queue's refit flags, most confident first; open ones only unless asked. */
export async function listRefitFlags(db: Executor, q: { projectId: string; queueId: string; includeClosed: boolean }): Promise<RefitFlag[]> {
  let query = flagQuery(db, q.projectId).where("f.queue_id", "=", q.queueId);
  if (!q.includeClosed) query = query.where("f.closed_at", "is", null);
  const rows = await query.orderBy(sql`f.closed_at is null`, "desc").orderBy("f.posterior", "desc").orderBy("f.id").limit(500).execute();
  return rows.map(toFlag);
}

async function findOpenFlag(db: Executor, projectId: string, flagId: number): Promise<RefitFlag> {
  const row = await flagQuery(db, projectId).where("f.id", "=", flagId).executeTakeFirst();
  if (!row) throw new NotFoundError("no such flag in this project", { field: "flagId" });
  const flag = toFlag(row);
  if (flag.closedAt) throw new InvalidStateError(`this flag is already closed (${flag.closing})`, { field: "flagId" });
  return flag;
}

async function closeFlag(db: Executor, flag: RefitFlag, actor: ProjectActor, closing: "reopened" | "dismissed"): Promise<void> {
  await db
    .updateTable("gold_refit_flags")
    .set({ closed_at: sql`now()`, closed_by: actor.userId, closing })
    .where("project_id", "=", actor.projectId)
    .where("id", "=", flag.id)
    .where("closed_at", "is", null)
    .execute();
}

/** The lead keeps the gold: the flag closes and the same suggestion is not raised again. */
export async function dismissFlag(db: Kysely<DB>, actor: ProjectActor, flagId: number): Promise<{ id: number }> {
  return db.transaction().execute(async (trx) => {
    const flag = await findOpenFlag(trx, actor.projectId, flagId);
    await closeFlag(trx, flag, actor, "dismissed");
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "gold.refit_flag_dismissed",
      targetType: "gold_label",
      targetId: String(flag.goldLabelId),
      data: { flagId: flag.id, fitId: flag.fitId, currentValue: flag.currentValue, suggestedValue: flag.suggestedValue },
    });
    return { id: flag.id };
  });
}

/**
 * Reopens the flagged gold for revision through the usual reopening (the item goes to the leads' conflict
 * list, its gold stays current until a new one is finalized), with a reason naming the fit's suggestion.
 */
export async function reopenFromFlag(db: Kysely<DB>, actor: ProjectActor, input: ReopenFromFlagInput): Promise<{ id: number; reopeningId: number }> {
  const flag = await findOpenFlag(db, actor.projectId, input.flagId);
  const suggestion =
    `A Dawid–Skene refit (fit ${flag.fitId}) puts ${flag.fieldKey} at "${flag.suggestedValue}" with posterior ${flag.posterior.toFixed(3)}; ` +
    `the gold says "${flag.currentValue}".`;
  const { reopeningId } = await reopenGold(db, actor, { queueItemId: flag.queueItemId, reason: input.note ? `${suggestion} ${input.note}` : suggestion });
  await closeFlag(db, flag, actor, "reopened");
  return { id: flag.id, reopeningId };
}
