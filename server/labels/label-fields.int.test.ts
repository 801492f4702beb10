import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { buildQueueInput } from "@/server/queues/test-fixtures";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
type Person = { id: string; email: string; name: string; isInstanceAdmin: boolean };
const callerFor = (user: Person) => createCaller(createInnerContext({ db: testDb.db, user }));
const projectId = () => team.project.id;

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

const fields = [
  { type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "good", title: "Good" }, { value: "bad", title: "Bad" }] },
  { type: "multi_select", key: "issues", title: "Issues", required: false, options: [{ value: "tone", title: "Tone" }, { value: "facts", title: "Facts" }] },
  { type: "rating", key: "quality", title: "Quality", max: 5 },
  { type: "number", key: "minutes", title: "Minutes", min: 0, max: 60, step: 5, consensus: { rule: "mean", maxSpread: 10 } },
  { type: "free_text", key: "why", title: "Why", required: false },
  { type: "rubric", key: "rubric", title: "Rubric", criteria: [{ key: "cites", title: "Cites a source", scale: "pass_fail", assertion: true }, { key: "tone", title: "Tone", scale: "one_to_five" }] },
];

async function createQueue(labelFields: unknown[], overlap = 2) {
  const input = buildQueueInput({ rate: 1 }, { name: `Fields ${Math.random()}`, overlap, labelSchema: { fields: labelFields as never } });
  return callerFor(team.members.lead).queues.create({ projectId: projectId(), ...input });
}

describe("label fields through the API", () => {
  it("refuses bad schemas with a 400 that says what is wrong", async () => {
    const refusal = (labelFields: unknown[]) => createQueue(labelFields).then(() => null, (error: { code: string; message: string }) => ({ code: error.code, message: error.message }));
    expect(await refusal([fields[0], { ...fields[2], key: "verdict" }])).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("two fields have the key verdict") });
    expect(await refusal([{ ...fields[2], max: 1 }])).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("max is at least 2") });
    expect(await refusal([{ ...fields[3], min: 10, max: 5 }])).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("max must be above min") });
    const pairwise = { type: "pairwise", key: "preference", title: "Preference" };
    expect(await refusal([pairwise, { ...pairwise, key: "again" }])).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("a queue has at most one pairwise field") });
  });

  it("stores every type's answer, resolves agreeing answers field by field, and names the fields of a split", async () => {
    const { id: queueId } = await createQueue(fields);
    const items = await seedQueueItems(testDb.db, { projectId: projectId(), queueId, count: 2 });
    const reviewers = await seedReviewers(testDb.db, { projectId: projectId(), count: 2 });
    const answers: Record<string, unknown>[][] = [
      [
        { verdict: "good", issues: ["facts"], quality: 4, minutes: 10, why: "Short and right", rubric: { cites: true, tone: 4 } },
        { verdict: "good", quality: 2, minutes: 10, rubric: { cites: false, tone: 4 } },
      ],
      [
        { verdict: "good", issues: ["facts"], quality: 5, minutes: 20, why: "Wrong tone entirely", rubric: { cites: true, tone: 5 } },
        { verdict: "bad", quality: 5, minutes: 10, rubric: { cites: true, tone: 4 } },
      ],
    ];
    for (const [index, reviewer] of reviewers.entries()) {
      for (const values of answers[index]!) {
        const task = await callerFor(reviewer).review.claimNext({ projectId: projectId(), queueId });
        await callerFor(reviewer).review.submit({ projectId: projectId(), assignmentId: task!.assignment.id, values: values as never });
      }
    }
    const gold = await testDb.db.selectFrom("gold_labels").select(["values", "method", "confidence", "provenance"]).where("queue_item_id", "=", items[0]!.id).executeTakeFirstOrThrow();
    expect(gold).toMatchObject({ values: { verdict: "good", issues: ["facts"], quality: 4.5, minutes: 15, rubric: { cites: true, tone: 4.5 } }, method: "majority" });
    expect(gold.provenance).toMatchObject({ fields: { quality: { rule: "median" }, minutes: { rule: "mean" } }, unresolvedOptional: [expect.stringMatching(/^Why: answers differ/)] });
    const split = await testDb.db.selectFrom("queue_items").select(["state", "conflict_reasons"]).where("id", "=", items[1]!.id).executeTakeFirstOrThrow();
    expect(split).toEqual({
      state: "conflict",
      conflict_reasons: ["Verdict: split Bad 1, Good 1, none reaches 60 %", "Quality: answers spread 3 (2 to 5), more than 1", "Rubric: criteria split: Cites a source: pass 1, fail 1"],
    });

    const lead = callerFor(team.members.lead);
    await expect(lead.resolution.finalize({ projectId: projectId(), queueItemId: items[1]!.id, values: { verdict: "good", quality: 7 } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "values.quality: rate Quality from 1 to 5",
    });
    await lead.resolution.finalize({ projectId: projectId(), queueItemId: items[1]!.id, values: { verdict: "good", quality: 3, minutes: 10, rubric: { cites: true, tone: 4 } } });
    const adjudicated = await testDb.db.selectFrom("gold_labels").select(["values", "method"]).where("queue_item_id", "=", items[1]!.id).executeTakeFirstOrThrow();
    expect(adjudicated).toEqual({ values: { verdict: "good", quality: 3, minutes: 10, rubric: { cites: true, tone: 4 } }, method: "adjudicated" });
  });

  it("refuses an answer of the wrong shape, naming the field and what it takes", async () => {
    const { id: queueId } = await createQueue(fields, 1);
    await seedQueueItems(testDb.db, { projectId: projectId(), queueId, count: 1 });
    const annotator = callerFor(team.members.annotator);
    const task = await annotator.review.claimNext({ projectId: projectId(), queueId });
    const submit = (values: Record<string, unknown>) => annotator.review.submit({ projectId: projectId(), assignmentId: task!.assignment.id, values: values as never });
    const complete = { verdict: "good", quality: 3, minutes: 5, rubric: { cites: true, tone: 3 } };
    await expect(submit({ ...complete, minutes: 7 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "values.minutes: Minutes goes in steps of 5 from 0" });
    await expect(submit({ ...complete, rubric: { cites: true } })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "values.rubric.tone: score Tone" });
    await expect(submit({ ...complete, issues: "facts" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^values\.issues: tick options/) });
    await expect(submit({ verdict: "good" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "values.quality: answer Quality" });
    await expect(submit(complete)).resolves.toMatchObject({ alreadySubmitted: false });
  });
});
