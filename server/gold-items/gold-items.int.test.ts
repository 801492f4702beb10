import { describe, expect, it } from "vitest";
import { seedGold } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { callerFor, seedGoldQueue } from "./test-support";

const testDb = setUpTestDatabase();

async function countGoldItems(projectId: string) {
  const rows = await testDb.db.selectFrom("gold_items").select("id").where("project_id", "=", projectId).execute();
  return rows.length;
}

describe("marking gold items", () => {
  it("from an item's current gold, once, freezing the gold values; an item without gold is refused", async () => {
    const world = await seedGoldQueue(testDb.db, { production: 1, gold: 0 });
    const lead = callerFor(testDb.db, world.members.lead);
    const gold = await seedGold(testDb.db, { projectId: world.projectId, queueId: world.queue.id, label: "harmful" });
    expect(await lead.goldItems.addFromGold({ projectId: world.projectId, queueItemId: gold.queueItemId })).toEqual({ added: 1 });
    expect(await lead.goldItems.addFromGold({ projectId: world.projectId, queueItemId: gold.queueItemId })).toEqual({ added: 0 });
    const listed = await lead.goldItems.list({ projectId: world.projectId, queueId: world.queue.id });
    expect(listed.items).toEqual([expect.objectContaining({ queueItemId: gold.queueItemId, expectedValues: { verdict: "harmful" }, source: "gold", createdByName: world.members.lead.name, retiredAt: null, answers: 0 })]);
    await expect(lead.goldItems.addFromGold({ projectId: world.projectId, queueItemId: world.items[0]!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "this item has no gold yet; resolve it first",
    });
  });

  it("in bulk: the N most confident gold labels not yet marked", async () => {
    const world = await seedGoldQueue(testDb.db, { production: 0, gold: 0 });
    const lead = callerFor(testDb.db, world.members.lead);
    const seeded = [];
    for (const confidence of [0.6, 0.95, 0.7, 0.99]) seeded.push(await seedGold(testDb.db, { projectId: world.projectId, queueId: world.queue.id, label: "helpful", confidence }));
    expect((await lead.goldItems.list({ projectId: world.projectId, queueId: world.queue.id })).eligibleGold).toBe(4);
    expect(await lead.goldItems.addTopGold({ projectId: world.projectId, queueId: world.queue.id, count: 2 })).toEqual({ added: 2 });
    const marked = (await lead.goldItems.list({ projectId: world.projectId, queueId: world.queue.id })).items.map((item) => item.queueItemId).sort();
    expect(marked).toEqual([seeded[1]!.queueItemId, seeded[3]!.queueItemId].sort());
    expect(await lead.goldItems.addTopGold({ projectId: world.projectId, queueId: world.queue.id, count: 10 })).toEqual({ added: 2 });
    expect((await lead.goldItems.list({ projectId: world.projectId, queueId: world.queue.id })).eligibleGold).toBe(0);
  });

  it("from a CSV of item,label lines, all or nothing, with errors naming the line", async () => {
    const world = await seedGoldQueue(testDb.db, { production: 3, gold: 0 });
    const { projectId } = world;
    const lead = callerFor(testDb.db, world.members.lead);
    const [a, b, c] = world.items.map((item) => item.externalId);
    const importCsv = (csv: string) => lead.goldItems.importCsv({ projectId, queueId: world.queue.id, csv });

    await expect(importCsv(`item,label\n${a},helpful\n${b},maybe\n`)).rejects.toMatchObject({ code: "BAD_REQUEST", message: 'csv line 3: label "maybe" is not one of helpful, harmful, off_topic' });
    await expect(importCsv(`${a},helpful\nnot-in-queue,harmful\n`)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining('csv line 2: no item "not-in-queue" in this queue') });
    // An output of the project that is in another queue is not in this one.
    const elsewhere = await seedGoldQueue(testDb.db, { production: 1, gold: 0 });
    await expect(importCsv(`${elsewhere.items[0]!.externalId},helpful\n`)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await countGoldItems(projectId)).toBe(0);

    expect(await importCsv(`item,label\n${a},helpful\n${b},harmful\n`)).toEqual({ added: 2, unchanged: 0 });
    expect(await importCsv(`${a},helpful\n${c},helpful\n`)).toEqual({ added: 1, unchanged: 1 });
    await expect(importCsv(`${c},helpful\n${b},helpful\n`)).rejects.toMatchObject({ message: `csv line 2: item "${b}" is already a gold check expecting "harmful"; retire it first` });
    const listed = await lead.goldItems.list({ projectId, queueId: world.queue.id });
    expect(listed.items.map((item) => [item.externalId, item.expectedValues.verdict, item.source]).sort()).toEqual([
      [a, "helpful", "csv"],
      [b, "harmful", "csv"],
      [c, "helpful", "csv"],
    ]);
  });

  it("retires an item: it stops being active and can be marked again with another answer", async () => {
    const world = await seedGoldQueue(testDb.db, { production: 1, gold: 0 });
    const { projectId } = world;
    const lead = callerFor(testDb.db, world.members.lead);
    const externalId = world.items[0]!.externalId;
    await lead.goldItems.importCsv({ projectId, queueId: world.queue.id, csv: `${externalId},helpful` });
    const [item] = (await lead.goldItems.list({ projectId, queueId: world.queue.id })).items;
    const { retiredAt } = await lead.goldItems.retire({ projectId, goldItemId: item!.id });
    expect(await lead.goldItems.retire({ projectId, goldItemId: item!.id })).toEqual({ retiredAt });
    expect(await lead.goldItems.importCsv({ projectId, queueId: world.queue.id, csv: `${externalId},harmful` })).toEqual({ added: 1, unchanged: 0 });
    const listed = (await lead.goldItems.list({ projectId, queueId: world.queue.id })).items;
    expect(listed.map((row) => [row.expectedValues.verdict, row.retiredAt === null])).toEqual([
      ["harmful", true],
      ["helpful", false],
    ]);
    const audit = await testDb.db.selectFrom("audit_log").select("action").where("project_id", "=", projectId).orderBy("id").execute();
    expect(audit.map((entry) => entry.action)).toEqual(["gold_items.added", "gold_items.retired", "gold_items.added"]);
  });

  it("keeps projects apart: another project's gold items, queues and items are not found", async () => {
    const mine = await seedGoldQueue(testDb.db, { production: 0, gold: 1 });
    const theirs = await seedGoldQueue(testDb.db, { production: 1, gold: 1 });
    const lead = callerFor(testDb.db, mine.members.lead);
    const [theirItem] = await testDb.db.selectFrom("gold_items").select("id").where("project_id", "=", theirs.projectId).execute();
    await expect(lead.goldItems.retire({ projectId: mine.projectId, goldItemId: theirItem!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(lead.goldItems.addFromGold({ projectId: mine.projectId, queueItemId: theirs.goldItems[0]!.queueItemId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(lead.goldItems.list({ projectId: mine.projectId, queueId: theirs.queue.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(lead.goldItems.importCsv({ projectId: mine.projectId, queueId: mine.queue.id, csv: `${theirs.items[0]!.externalId},helpful` })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("an item marked from a CSV", () => {
  it("is never claimed as production work once marked, and an item already under review is refused", async () => {
    const world = await seedGoldQueue(testDb.db, { production: 3, gold: 0 });
    const { projectId } = world;
    const lead = callerFor(testDb.db, world.members.lead);
    const annotator = callerFor(testDb.db, world.annotators[0]!);
    const [first, second, third] = world.items;

    const task = await annotator.review.claimNext({ projectId, queueId: world.queue.id });
    expect(task!.assignment.queueItemId).toBe(first!.id);
    await expect(lead.goldItems.importCsv({ projectId, queueId: world.queue.id, csv: `${first!.externalId},helpful\n` })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `csv line 1: item "${first!.externalId}" is being reviewed (0 answers so far); mark it once it is resolved`,
    });
    await annotator.review.submit({ projectId, assignmentId: task!.assignment.id, values: { verdict: "helpful" } });

    expect(await lead.goldItems.importCsv({ projectId, queueId: world.queue.id, csv: `${second!.externalId},harmful\n` })).toEqual({ added: 1, unchanged: 0 });
    // At gold-check rate 0 only production work is served: the third item, never the marked second one.
    const next = await annotator.review.claimNext({ projectId, queueId: world.queue.id });
    expect(next!.assignment.queueItemId).toBe(third!.id);
    await annotator.review.submit({ projectId, assignmentId: next!.assignment.id, values: { verdict: "helpful" } });
    expect(await annotator.review.claimNext({ projectId, queueId: world.queue.id })).toBeNull();
    const queue = await annotator.queues.get({ projectId, queueId: world.queue.id });
    expect(queue.mine.available).toBe(0);
  });
});
