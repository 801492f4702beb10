import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedGold, seedQueue, seedQueueItems, VERDICT_FIELD, VERDICT_LABEL_SCHEMA } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
type Person = { id: string; email: string; name: string; isInstanceAdmin: boolean };
const callerFor = (user: Person) => createCaller(createInnerContext({ db: testDb.db, user }));
const projectId = () => team.project.id;
const lead = () => callerFor(team.members.lead);

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

/** The verdict field without "off_topic", and a new optional rating. */
const NEXT_SCHEMA = {
  ...VERDICT_LABEL_SCHEMA,
  fields: [
    { ...VERDICT_FIELD, options: VERDICT_FIELD.options.filter((option) => option.value !== "off_topic") },
    { type: "rating" as const, key: "quality", title: "Quality", max: 5, required: false },
  ],
};

describe("label schema versions", () => {
  it("makes version 2, carrying open answers over through the mapping; resolved answers and gold keep version 1", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId(), overlap: 2 });
    const [open] = await seedQueueItems(testDb.db, { projectId: projectId(), queueId: queue.id, count: 1 });
    const gold = await seedGold(testDb.db, { projectId: projectId(), queueId: queue.id, label: "off_topic" });
    const [ana, ben] = await seedReviewers(testDb.db, { projectId: projectId(), count: 2 });
    const task = await callerFor(ana!).review.claimNext({ projectId: projectId(), queueId: queue.id });
    await callerFor(ana!).review.submit({ projectId: projectId(), assignmentId: task!.assignment.id, values: { verdict: "off_topic" } });

    await expect(lead().queues.updateLabelSchema({ projectId: projectId(), queueId: queue.id, labelSchema: NEXT_SCHEMA })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Off topic is the answer of 1 label; map it to an option of Verdict, or keep it",
      cause: { field: "optionMappings.verdict.off_topic" },
    });
    await expect(
      lead().queues.updateLabelSchema({ projectId: projectId(), queueId: queue.id, labelSchema: { ...NEXT_SCHEMA, fields: [NEXT_SCHEMA.fields[1]!] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Verdict has 1 answer; keep the field") });
    const withRequiredRating = { ...NEXT_SCHEMA, fields: [NEXT_SCHEMA.fields[0]!, { ...NEXT_SCHEMA.fields[1]!, required: true }] };
    await expect(
      lead().queues.updateLabelSchema({ projectId: projectId(), queueId: queue.id, labelSchema: withRequiredRating, optionMappings: { verdict: { off_topic: "harmful" } } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Quality would be required, but open items already have 1 answer without it; make it optional, or change it once those items are settled" });

    await expect(
      lead().queues.updateLabelSchema({ projectId: projectId(), queueId: queue.id, labelSchema: { ...NEXT_SCHEMA, allowCorrection: false }, optionMappings: { verdict: { off_topic: "harmful" } } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Corrected output is part of 1 answer on open items; keep the field") });
    const result = await lead().queues.updateLabelSchema({ projectId: projectId(), queueId: queue.id, labelSchema: NEXT_SCHEMA, optionMappings: { verdict: { off_topic: "harmful" } } });
    expect(result).toEqual({ version: 2, remapped: 1, isNewVersion: true });
    const answers = await testDb.db.selectFrom("annotations").select(["values", "schema_version"]).where("queue_item_id", "=", open!.id).execute();
    expect(answers).toEqual([{ values: { verdict: "harmful" }, schema_version: 2 }]);
    const goldRow = await testDb.db.selectFrom("gold_labels").select(["values", "schema_version"]).where("id", "=", gold.goldLabelId).executeTakeFirstOrThrow();
    expect(goldRow).toEqual({ values: { verdict: "off_topic" }, schema_version: 1 });

    const next = await callerFor(ben!).review.claimNext({ projectId: projectId(), queueId: queue.id });
    expect(next!.queue.labelSchema.fields.map((field) => field.key)).toEqual(["verdict", "quality", "corrected_output"]);
    await callerFor(ben!).review.submit({ projectId: projectId(), assignmentId: next!.assignment.id, values: { verdict: "harmful", quality: 2 } });
    const newGold = await testDb.db.selectFrom("gold_labels").select(["values", "schema_version"]).where("queue_item_id", "=", open!.id).executeTakeFirstOrThrow();
    expect(newGold).toEqual({ values: { verdict: "harmful", quality: 2 }, schema_version: 2 });

    const versions = await lead().queues.schemaVersions({ projectId: projectId(), queueId: queue.id });
    expect(versions.map((version) => [version.version, version.labelSchema.fields.length, version.createdByName])).toEqual([
      [2, 3, team.members.lead.name],
      [1, 2, null],
    ]);
    const audit = await testDb.db.selectFrom("audit_log").select("data").where("target_id", "=", queue.id).where("action", "=", "queue.label_schema_versioned").executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ fromVersion: 1, toVersion: 2, optionMappings: { verdict: { off_topic: "harmful" } }, remappedAnswers: 1 });
  });

  it("changes nothing for the same schema, and lets options nobody chose go without a mapping", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId() });
    await expect(lead().queues.updateLabelSchema({ projectId: projectId(), queueId: queue.id, labelSchema: VERDICT_LABEL_SCHEMA })).resolves.toEqual({ version: 1, remapped: 0, isNewVersion: false });
    await expect(lead().queues.updateLabelSchema({ projectId: projectId(), queueId: queue.id, labelSchema: NEXT_SCHEMA })).resolves.toEqual({ version: 2, remapped: 0, isNewVersion: true });
    await expect(callerFor(team.members.annotator).queues.updateLabelSchema({ projectId: projectId(), queueId: queue.id, labelSchema: NEXT_SCHEMA })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses an answer given to an older label that the new one does not take, naming schemaVersion; takes one that fits", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId(), overlap: 1 });
    await seedQueueItems(testDb.db, { projectId: projectId(), queueId: queue.id, count: 2 });
    const [ana] = await seedReviewers(testDb.db, { projectId: projectId(), count: 1 });
    const anas = callerFor(ana!);
    const first = await anas.review.claimNext({ projectId: projectId(), queueId: queue.id });
    const second = await anas.review.claimNext({ projectId: projectId(), queueId: queue.id, excludeAssignmentIds: [first!.assignment.id] });
    expect(first!.queue.schemaVersion).toBe(1);
    // The lead adds a required field while both items are on screen.
    const required = { ...VERDICT_LABEL_SCHEMA, fields: [VERDICT_FIELD, { type: "rating" as const, key: "quality", title: "Quality", max: 5 }] };
    await lead().queues.updateLabelSchema({ projectId: projectId(), queueId: queue.id, labelSchema: required });

    await expect(anas.review.submit({ projectId: projectId(), assignmentId: first!.assignment.id, values: { verdict: "helpful" }, schemaVersion: 1 })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "the lead changed this queue's label to version 2 while you answered; check your answer against it",
      cause: { field: "schemaVersion" },
    });
    // The page reads the item again, now with version 2, and the answer that fits it is taken.
    const reread = await anas.review.get({ projectId: projectId(), assignmentId: first!.assignment.id });
    expect(reread.queue.schemaVersion).toBe(2);
    await expect(anas.review.submit({ projectId: projectId(), assignmentId: first!.assignment.id, values: { verdict: "helpful", quality: 4 }, schemaVersion: 2 })).resolves.toMatchObject({ alreadySubmitted: false });
    // On a page that shows the current label, a missing answer stays an ordinary field error.
    await expect(anas.review.submit({ projectId: projectId(), assignmentId: second!.assignment.id, values: { verdict: "helpful" }, schemaVersion: 2 })).rejects.toMatchObject({ cause: { field: "values.quality" } });
  });
});
