import type { Database } from "@/db";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedGold, seedQueue, seedQueueItems } from "@/db/seed/loop";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/users/schema";

export const callerFor = (db: Database, user: SessionUser) => createCaller(createInnerContext({ db, user }));

export type GoldQueueSettings = { goldItemRate?: number; gateMinAccuracy?: number | null; gateMinGoldItems?: number; dailyCap?: number | null; overlap?: number };

/**
 * A team and a queue of `production` open items plus `gold` resolved items whose gold ("helpful") a lead
 * marked as gold checks through the API. Quality settings are written to the columns directly: the
 * settings form belongs to the queue page.
 */
export async function seedGoldQueue(db: Database, options: { production: number; gold: number; annotators?: number } & GoldQueueSettings) {
  const team = await seedProjectTeam(db);
  const projectId = team.project.id;
  const queue = await seedQueue(db, { projectId, overlap: options.overlap ?? 1 });
  await db
    .updateTable("queues")
    .set({
      gold_item_rate: options.goldItemRate ?? 0,
      gate_min_accuracy: options.gateMinAccuracy ?? null,
      gate_min_gold_items: options.gateMinGoldItems ?? 10,
      daily_cap: options.dailyCap ?? null,
    })
    .where("id", "=", queue.id)
    .execute();
  const items = options.production > 0 ? await seedQueueItems(db, { projectId, queueId: queue.id, count: options.production }) : [];
  const goldItems = [];
  for (let index = 0; index < options.gold; index += 1) goldItems.push(await seedGold(db, { projectId, queueId: queue.id, label: "helpful" }));
  if (options.gold > 0) await callerFor(db, team.members.lead).goldItems.addTopGold({ projectId, queueId: queue.id, count: options.gold });
  const annotators = await seedReviewers(db, { projectId, count: options.annotators ?? 1 });
  return { ...team, projectId, queue, items, goldItems, annotators };
}

/** Whether an assignment is a gold check, read from the database (the API never says). */
export async function isGoldCheckRow(db: Database, assignmentId: number): Promise<boolean> {
  const row = await db.selectFrom("assignments").select("is_gold_check").where("id", "=", assignmentId).executeTakeFirstOrThrow();
  return row.is_gold_check;
}
