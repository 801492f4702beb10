import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import { SKIPS_TO_SKIP_OUT } from "./schema";
import type { Executor } from "@/db/executor";
import type { WithItemState } from "@/server/items/states";

export type ClaimParams = { projectId: string; queueId: string; userId: string; overlap: number; leaseSeconds: number };

/** claimed; empty: nothing left for this annotator; lost: the item went to a concurrent claim of their own. */
export type ClaimOutcome = { kind: "claimed"; assignmentId: number; queueItemId: number } | { kind: "empty" } | { kind: "lost" };

/**
 * The claim: leases the next item to an annotator in ONE statement (READ COMMITTED). Exported on its own
 * for bench/claims.ts.
 * - `candidate` locks the first open item with room that the annotator holds no live assignment on,
 *   skipping rows other claimers hold. An item has `overlap` (k) seats plus the extra seats a disagreement
 *   asked for (adaptive overlap). When the row changed since the statement's snapshot, Postgres re-checks
 *   `assigned_count < overlap + extra_seats` on the newest version before locking it (EvalPlanQual): this
 *   check on the locked row is what makes over-assignment impossible.
 * - `assigned` inserts the assignment, or revives the annotator's own expired one (an expired gold check
 *   comes back as production work: it now takes a seat like any claim).
 * - `counted` bumps assigned_count only for a row `assigned` returned. The NOT EXISTS above reads the
 *   snapshot, so a concurrent claim by the same annotator (two tabs) can reach the same item; the insert
 *   then meets their live row and does nothing, and because the counter hangs off its RETURNING, nothing
 *   is counted either. That outcome is reported as `lost` so the caller claims again.
 */
export function buildClaimStatement(params: ClaimParams) {
  const { projectId, queueId, userId, overlap, leaseSeconds } = params;
  // Prepared: parsing and planning this statement costs about as much as running it (see db/index.ts).
  return sql<{ itemId: number; assignmentId: number | null }>`/* prepared:claim_queue_item */
    with candidate as (
      select qi.id
      from queue_items qi
      where qi.project_id = ${projectId} and qi.queue_id = ${queueId}
        and qi.state in ('pending', 'in_review') and qi.assigned_count < ${overlap} + qi.extra_seats
        and not exists (
          select 1 from assignments mine
          where mine.project_id = ${projectId} and mine.queue_item_id = qi.id and mine.annotator_id = ${userId} and mine.state <> 'expired'
        )
        -- A gold item (a known answer) is only ever served as a gold check, never as production work.
        and not exists (select 1 from gold_items gold where gold.queue_item_id = qi.id and gold.retired_at is null)
      order by qi.priority desc, qi.id
      limit 1
      for update of qi skip locked
    ), assigned as (
      insert into assignments as a (project_id, queue_id, queue_item_id, annotator_id, state, lease_expires_at)
      select ${projectId}::uuid, ${queueId}::uuid, candidate.id, ${userId}::uuid, 'active', now() + make_interval(secs => ${leaseSeconds})
      from candidate
      on conflict (queue_item_id, annotator_id) do update
        set state = 'active', lease_expires_at = excluded.lease_expires_at, heartbeat_at = now(), is_gold_check = false
        where a.state = 'expired'
      returning a.id, a.queue_item_id
    ), counted as (
      update queue_items qi
      set assigned_count = qi.assigned_count + 1, state = 'in_review'
      from assigned
      where qi.id = assigned.queue_item_id and qi.project_id = ${projectId}
      returning qi.id
    )
    select candidate.id as "itemId", assigned.id as "assignmentId"
    from candidate left join assigned on true
  `;
}

/** Leases the next item to an annotator (see buildClaimStatement). */
export async function claimQueueItem(db: Executor, params: ClaimParams): Promise<ClaimOutcome> {
  const { rows } = await buildClaimStatement(params).execute(db);
  const row = rows[0];
  if (!row) return { kind: "empty" };
  if (row.assignmentId === null) return { kind: "lost" };
  return { kind: "claimed", assignmentId: row.assignmentId, queueItemId: row.itemId };
}

/** Whether an item with room for the annotator exists, locked or not: tells "all taken" from "all busy". */
export async function hasClaimableItem(db: Executor, params: Omit<ClaimParams, "leaseSeconds">): Promise<boolean> {
  const row = await db
    .selectFrom("queue_items as qi")
    .select("qi.id")
    .where("qi.project_id", "=", params.projectId)
    .where("qi.queue_id", "=", params.queueId)
    .where("qi.state", "in", ["pending", "in_review"])
    .where("qi.assigned_count", "<", sql<number>`${params.overlap} + qi.extra_seats`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("assignments as mine")
            .select("mine.id")
            .where("mine.project_id", "=", params.projectId)
            .whereRef("mine.queue_item_id", "=", "qi.id")
            .where("mine.annotator_id", "=", params.userId)
            .where("mine.state", "<>", "expired"),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("gold_items as gold").select("gold.id").whereRef("gold.queue_item_id", "=", "qi.id").where("gold.retired_at", "is", null))),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Expires active assignments whose lease ran out and gives their places back, in one statement. Items
 * are locked before their assignments, the order submit and skip use, and locked items are skipped (the
 * next run takes them), so reaping never waits on or deadlocks with a submit. The assignment update
 * re-checks state and lease on the newest row version, so a lease extended or submitted meanwhile is
 * left alone and each expiry is counted once. An item nobody holds any more goes back to pending, or
 * out of the queue when enough people skipped it.
 */
export async function reapExpiredLeases(db: Executor, params: { projectId: string; queueId?: string }): Promise<number> {
  const { projectId, queueId } = params;
  // Prepared, since every claim runs it first; one text for both uses, so one plan.
  const { rows } = await sql<{ id: number }>`/* prepared:reap_expired_leases */
    with due as (
      select distinct a.queue_item_id as id
      from assignments a
      where a.project_id = ${projectId} and (${queueId ?? null}::uuid is null or a.queue_id = ${queueId ?? null}::uuid)
        and a.state = 'active' and a.lease_expires_at < now()
    ), locked as (
      select qi.id from queue_items qi join due on due.id = qi.id
      where qi.project_id = ${projectId}
      for update of qi skip locked
    ), expired as (
      update assignments a set state = 'expired'
      from locked
      where a.queue_item_id = locked.id and a.project_id = ${projectId} and a.state = 'active' and a.lease_expires_at < now()
      returning a.queue_item_id, a.is_gold_check
    ), released as (
      -- A gold check held no seat, so its expiry gives none back.
      select queue_item_id as id, count(*)::int as n from expired where not is_gold_check group by queue_item_id
    )
    update queue_items qi
    set assigned_count = qi.assigned_count - released.n,
      state = case
        when qi.state in ('pending', 'in_review') and qi.assigned_count - released.n = 0
          then case when qi.skipped_count >= ${SKIPS_TO_SKIP_OUT} then 'skipped_out' else 'pending' end
        else qi.state
      end
    from released
    where qi.id = released.id and qi.project_id = ${projectId}
    returning qi.id
  `.execute(db);
  return rows.length;
}

/** Extends the caller's active lease by the queue's lease length; undefined when it is not active. */
export async function extendLease(db: Executor, params: { projectId: string; assignmentId: number; userId: string }) {
  return db
    .updateTable("assignments")
    .from("queues")
    .set({ lease_expires_at: sql`now() + make_interval(secs => queues.lease_seconds)`, heartbeat_at: sql`now()` })
    .whereRef("queues.id", "=", "assignments.queue_id")
    .where("queues.project_id", "=", params.projectId)
    .where("assignments.project_id", "=", params.projectId)
    .where("assignments.id", "=", params.assignmentId)
    .where("assignments.annotator_id", "=", params.userId)
    .where("assignments.state", "=", "active")
    .returning("assignments.lease_expires_at as leaseExpiresAt")
    .executeTakeFirst();
}

/** Counts a submission on a locked item; a revived expired assignment takes its place back first. */
export async function countSubmission(trx: Transaction<DB>, params: { projectId: string; queueItemId: number; isRevived: boolean }) {
  return trx
    .updateTable("queue_items")
    .set((eb) => ({
      submitted_count: eb("submitted_count", "+", 1),
      assigned_count: eb("assigned_count", "+", params.isRevived ? 1 : 0),
      state: "in_review",
    }))
    .where("project_id", "=", params.projectId)
    .where("id", "=", params.queueItemId)
    .returning(["submitted_count as submittedCount", "state"])
    .$narrowType<WithItemState>()
    .executeTakeFirstOrThrow();
}

/** Counts a skip on a locked item, giving back the skipper's place when they still held one. */
export async function countSkip(trx: Transaction<DB>, params: { projectId: string; queueItemId: number; isReleasing: boolean }): Promise<void> {
  const released = params.isReleasing ? 1 : 0;
  await sql`
    update queue_items
    set assigned_count = assigned_count - ${released},
      skipped_count = skipped_count + 1,
      state = case
        when state in ('pending', 'in_review') and assigned_count - ${released} = 0
          then case when skipped_count + 1 >= ${SKIPS_TO_SKIP_OUT} then 'skipped_out' else 'pending' end
        else state
      end
    where project_id = ${params.projectId} and id = ${params.queueItemId}
  `.execute(trx);
}

/**
 * A decoy answer takes no seat: it measures the annotator and never counts toward the item's k. Its seat
 * goes back (unless reaping already gave it back), so another annotator can claim the item; the same one
 * never can, since their submitted assignment blocks it.
 */
export async function releaseDecoySeat(trx: Transaction<DB>, params: { projectId: string; queueItemId: number; isReleasing: boolean }) {
  const released = params.isReleasing ? 1 : 0;
  const { rows } = await sql<WithItemState>`
    update queue_items
    set assigned_count = assigned_count - ${released},
      state = case when state in ('pending', 'in_review') and assigned_count - ${released} = 0 then 'pending' else state end
    where project_id = ${params.projectId} and id = ${params.queueItemId}
    returning state
  `.execute(trx);
  return rows[0]!;
}

/**
 * Ends every lease still live on an item that went to a lead, giving their seats back, under the item lock.
 * Returns how many ended.
 */
export async function endItemLeases(trx: Transaction<DB>, params: { projectId: string; queueItemId: number }): Promise<number> {
  const ended = await trx
    .updateTable("assignments")
    .set({ state: "expired" })
    .where("project_id", "=", params.projectId)
    .where("queue_item_id", "=", params.queueItemId)
    .where("state", "=", "active")
    .returning("id")
    .execute();
  if (ended.length > 0) {
    await trx
      .updateTable("queue_items")
      .set({ assigned_count: sql<number>`greatest(assigned_count - ${ended.length}, 0)` })
      .where("project_id", "=", params.projectId)
      .where("id", "=", params.queueItemId)
      .execute();
  }
  return ended.length;
}

/** Ends a lease on an item that no longer takes answers, giving its seat back, under the item lock. */
export async function endLeaseOnFinishedItem(trx: Transaction<DB>, params: { projectId: string; assignmentId: number; queueItemId: number }): Promise<void> {
  await trx.updateTable("assignments").set({ state: "expired" }).where("project_id", "=", params.projectId).where("id", "=", params.assignmentId).where("state", "=", "active").execute();
  await trx
    .updateTable("queue_items")
    .set((eb) => ({ assigned_count: eb("assigned_count", "-", 1) }))
    .where("project_id", "=", params.projectId)
    .where("id", "=", params.queueItemId)
    .where("assigned_count", ">", 0)
    .execute();
}
