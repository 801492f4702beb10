import type { Database } from "@/db";
import type { Json } from "@/db/types";

/**
 * Loop rows written straight into the tables with the timestamps a test needs, so metric windows can be
 * checked against values worked out by hand.
 */
let counter = 0;
const unique = () => `${Date.now().toString(36)}-${(counter += 1)}`;

export async function insertOutput(
  db: Database,
  values: { projectId: string; producedAt: Date; model?: string | null; tags?: string[]; metadata?: Record<string, string>; input?: Json; output?: Json },
) {
  return db
    .insertInto("outputs")
    .values({
      project_id: values.projectId,
      external_id: `out-${unique()}`,
      model: values.model ?? null,
      tags: values.tags ?? [],
      metadata: JSON.stringify(values.metadata ?? {}),
      input: JSON.stringify(values.input ?? "a question"),
      output: JSON.stringify(values.output ?? "an answer"),
      content_hash: unique(),
      produced_at: values.producedAt,
      created_at: values.producedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function insertItem(db: Database, values: { projectId: string; queueId: string; outputId: number; createdAt: Date; resolvedAt?: Date; isHoldout?: boolean }) {
  return db
    .insertInto("queue_items")
    .values({
      project_id: values.projectId,
      queue_id: values.queueId,
      output_id: values.outputId,
      content_hash: unique(),
      inclusion_probability: 1,
      is_holdout: values.isHoldout ?? false,
      state: values.resolvedAt ? "resolved" : "pending",
      resolved_at: values.resolvedAt ?? null,
      created_at: values.createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** A submitted assignment and its annotation. */
export async function insertAnswer(
  db: Database,
  values: {
    projectId: string;
    queueId: string;
    queueItemId: number;
    annotatorId: string;
    verdict: string;
    createdAt: Date;
    timeSpentMs?: number;
    correction?: string;
    shownVerdict?: string;
    isDecoy?: boolean;
  },
) {
  const shown = values.shownVerdict === undefined ? null : JSON.stringify({ source: "judge", values: { verdict: values.shownVerdict } });
  const assignment = await db
    .insertInto("assignments")
    .values({
      project_id: values.projectId,
      queue_id: values.queueId,
      queue_item_id: values.queueItemId,
      annotator_id: values.annotatorId,
      state: "submitted",
      lease_expires_at: values.createdAt,
      submitted_at: values.createdAt,
      created_at: values.createdAt,
      shown_suggestion: shown,
      is_decoy: values.isDecoy ?? false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return db
    .insertInto("annotations")
    .values({
      project_id: values.projectId,
      queue_item_id: values.queueItemId,
      assignment_id: assignment.id,
      annotator_id: values.annotatorId,
      values: JSON.stringify({ verdict: values.verdict }),
      correction: values.correction ?? null,
      schema_version: 1,
      time_spent_ms: values.timeSpentMs ?? null,
      created_at: values.createdAt,
      shown_suggestion: shown,
      was_decoy: values.isDecoy ?? false,
      counts_toward_gold: !(values.isDecoy ?? false),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** A current gold label created at `createdAt`, with latency stages `seconds` after `ingestedAt` when given. */
export async function insertGold(
  db: Database,
  values: {
    projectId: string;
    queueId: string;
    queueItemId: number;
    outputId: number;
    verdict: string;
    createdAt: Date;
    stages?: { queued: number; firstClaim: number; pullable: number; gold: number };
    supersedes?: number;
  },
) {
  const at = (seconds: number) => new Date(values.createdAt.getTime() - (values.stages!.gold - seconds) * 1000);
  return db
    .insertInto("gold_labels")
    .values({
      project_id: values.projectId,
      queue_id: values.queueId,
      queue_item_id: values.queueItemId,
      output_id: values.outputId,
      values: JSON.stringify({ verdict: values.verdict }),
      method: "majority",
      confidence: 1,
      provenance: "{}",
      created_at: values.createdAt,
      supersedes: values.supersedes ?? null,
      ...(values.stages ? { ingested_at: at(0), queued_at: at(values.stages.queued), first_claimed_at: at(values.stages.firstClaim), pullable_at: at(values.stages.pullable) } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}
