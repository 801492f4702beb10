import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { ValidationError } from "@/server/lib/errors";
import { createProject } from "@/server/projects/service";
import { createQueue } from "@/server/queues/service";
import { createQueueRequestSchema } from "@/server/queues/schema";
import { buildQueueInput } from "@/server/queues/test-fixtures";
import { insertUser } from "@/server/users/queries";
import { importCrowdLabels } from "./service";

const testDb = setUpTestDatabase();
let projectId: string;

/** Answers from `item worker label` lines, numbered from line 2 as in a file with a header. */
function answersOf(rows: string[]) {
  const cells = rows.map((row) => row.split(" ") as [string, string, string]);
  return { items: cells.map((cell) => cell[0]), workers: cells.map((cell) => cell[1]), labels: cells.map((cell) => cell[2]), lines: cells.map((_, index) => index + 2) };
}

const smallFile = answersOf(["a w1 0", "a w2 1", "a w3 0", "b w1 1", "b w2 1", "c w3 2"]);

async function countRows() {
  const count = async (table: "queues" | "outputs" | "queue_items" | "assignments" | "annotations" | "memberships") =>
    Number((await testDb.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).where("project_id", "=", projectId).executeTakeFirstOrThrow()).n);
  return { queues: await count("queues"), outputs: await count("outputs"), items: await count("queue_items"), assignments: await count("assignments"), annotations: await count("annotations"), members: await count("memberships") };
}

beforeAll(async () => {
  ({ id: projectId } = await createProject(testDb.db, { name: "Crowd", slug: "crowd" }, null, { isTrustedCaller: true }));
});

describe("importCrowdLabels", () => {
  it("creates an imported queue over the file's labels and writes every answer as a submitted annotation", async () => {
    const imported = await importCrowdLabels(testDb.db, { projectSlug: "crowd", queueName: "Small crowd", answers: smallFile, policy: "ds" });
    expect(imported).toMatchObject({ projectId, isNewQueue: true, fieldKey: "label", items: 3, workers: 3, answers: 6, newAnswers: 6 });

    const queue = await testDb.db.selectFrom("queues").selectAll().where("id", "=", imported.queueId).executeTakeFirstOrThrow();
    expect(queue).toMatchObject({ name: "Small crowd", overlap: 3, consensus_method: "dawid_skene", min_posterior: 0.5, is_imported: true, max_overlap: null });
    expect(queue.label_schema).toMatchObject({ fields: [{ type: "categorical", key: "label", options: [{ value: "0" }, { value: "1" }, { value: "2" }] }] });
    expect(queue.sampling_rule).toMatchObject({ rate: 0 });

    const items = await testDb.db
      .selectFrom("queue_items")
      .innerJoin("outputs", "outputs.id", "queue_items.output_id")
      .select(["outputs.external_id", "outputs.consent", "outputs.input", "outputs.output", "queue_items.state", "queue_items.assigned_count", "queue_items.submitted_count"])
      .where("queue_items.queue_id", "=", imported.queueId)
      .orderBy("outputs.external_id")
      .execute();
    expect(items).toEqual([
      { external_id: "a", consent: true, input: "Crowd item a", output: "Crowd item a", state: "needs_resolution", assigned_count: 3, submitted_count: 3 },
      { external_id: "b", consent: true, input: "Crowd item b", output: "Crowd item b", state: "needs_resolution", assigned_count: 2, submitted_count: 2 },
      { external_id: "c", consent: true, input: "Crowd item c", output: "Crowd item c", state: "needs_resolution", assigned_count: 1, submitted_count: 1 },
    ]);

    const workers = await testDb.db
      .selectFrom("users")
      .innerJoin("memberships", "memberships.user_id", "users.id")
      .select(["users.name", "users.email", "users.password_hash", "memberships.role"])
      .where("memberships.project_id", "=", projectId)
      .orderBy("users.name")
      .execute();
    expect(workers.map((worker) => [worker.name, worker.role, worker.password_hash])).toEqual([
      ["Crowd worker w1", "annotator", null],
      ["Crowd worker w2", "annotator", null],
      ["Crowd worker w3", "annotator", null],
    ]);
    for (const worker of workers) expect(worker.email).toMatch(/^crowd-[0-9a-f]{24}@crowd\.goldloop\.invalid$/);

    const answers = await testDb.db
      .selectFrom("annotations")
      .innerJoin("assignments", "assignments.id", "annotations.assignment_id")
      .innerJoin("users", "users.id", "annotations.annotator_id")
      .select(["users.name", "annotations.values", "annotations.counts_toward_gold", "annotations.gold_check_correct", "assignments.state"])
      .where("annotations.project_id", "=", projectId)
      .execute();
    expect(answers).toHaveLength(6);
    expect(answers).toContainEqual({ name: "Crowd worker w3", values: { label: "2" }, counts_toward_gold: true, gold_check_correct: null, state: "submitted" });
    expect(answers.every((answer) => answer.state === "submitted")).toBe(true);
  });

  it("adds only what is new when the same file, or a longer one, is imported again", async () => {
    const before = await countRows();
    const again = await importCrowdLabels(testDb.db, { projectSlug: "crowd", queueName: "Small crowd", answers: smallFile, policy: "ds" });
    expect(again).toMatchObject({ isNewQueue: false, newAnswers: 0 });
    expect(await countRows()).toEqual(before);

    const longer = answersOf(["a w1 0", "b w3 0", "b w4 0", "b w5 1", "d w4 1"]);
    const grown = await importCrowdLabels(testDb.db, { projectSlug: "crowd", queueName: "Small crowd", answers: longer, policy: "majority" });
    expect(grown).toMatchObject({ queueId: again.queueId, newAnswers: 4 });
    expect(await countRows()).toEqual({ ...before, outputs: before.outputs + 1, items: before.items + 1, assignments: before.assignments + 4, annotations: before.annotations + 4, members: before.members + 2 });
    const queue = await testDb.db.selectFrom("queues").select(["overlap", "consensus_method"]).where("id", "=", again.queueId).executeTakeFirstOrThrow();
    expect(queue).toEqual({ overlap: 5, consensus_method: "majority" });
    const itemB = await testDb.db
      .selectFrom("queue_items")
      .innerJoin("outputs", "outputs.id", "queue_items.output_id")
      .select(["queue_items.submitted_count"])
      .where("outputs.external_id", "=", "b")
      .executeTakeFirstOrThrow();
    expect(itemB.submitted_count).toBe(5);
  });

  it("allows an imported queue's overlap beyond 5 and keeps 1–5 for every other queue", async () => {
    const many = answersOf(Array.from({ length: 12 }, (_, index) => `x v${index} ${index % 2}`));
    const imported = await importCrowdLabels(testDb.db, { projectSlug: "crowd", queueName: "Wide crowd", answers: many, policy: "ds" });
    const queue = await testDb.db.selectFrom("queues").select("overlap").where("id", "=", imported.queueId).executeTakeFirstOrThrow();
    expect(queue.overlap).toBe(12);
    const lead = await insertUser(testDb.db, { email: "lead@crowd.test", name: "Lead", passwordHash: null, isInstanceAdmin: false });
    const { id } = await createQueue(testDb.db, { projectId, userId: lead.id }, createQueueRequestSchema.parse(buildQueueInput({ rate: 1 }, { name: "People" })));
    await expect(testDb.db.updateTable("queues").set({ overlap: 6 }).where("id", "=", id).execute()).rejects.toThrow(/queues_overlap_check/);
  });

  it.each([
    ["a label that is not an option key", answersOf(["a w1 yes", "a w2 Yes"]), /^line 3: label "Yes" is not a usable option value/],
    ["more than 20 labels", answersOf(Array.from({ length: 21 }, (_, index) => `a w${index} l${index}`)), /21 distinct labels: give at most 20 options/],
    ["one label only", answersOf(["a w1 1", "b w1 1"]), /1 distinct labels: give at least 2 options/],
    ["an item id longer than 200 characters", answersOf([`${"i".repeat(201)} w1 0`, "a w1 1"]), /^line 2: item "i{40}" is not usable: at most 200 characters/],
  ])("refuses %s, naming the problem, and writes nothing", async (_, answers, message) => {
    const before = await countRows();
    const failure = importCrowdLabels(testDb.db, { projectSlug: "crowd", queueName: "Refused", answers, policy: "ds" });
    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    await expect(failure).rejects.toThrow(message);
    expect(await countRows()).toEqual(before);
  });

  it("refuses labels the existing queue's field has no option for", async () => {
    const before = await countRows();
    await expect(importCrowdLabels(testDb.db, { projectSlug: "crowd", queueName: "Small crowd", answers: answersOf(["a w9 1", "e w9 7"]), policy: "ds" })).rejects.toThrow(
      'line 3: label "7" is not an option of the queue\'s field Label (0, 1, 2)',
    );
    expect(await countRows()).toEqual(before);
  });

  it("refuses a queue people work in and a project that does not exist", async () => {
    await expect(importCrowdLabels(testDb.db, { projectSlug: "crowd", queueName: "People", answers: smallFile, policy: "ds" })).rejects.toThrow(/is a queue your annotators work in/);
    await expect(importCrowdLabels(testDb.db, { projectSlug: "nope", queueName: "X", answers: smallFile, policy: "ds" })).rejects.toThrow("no project with slug nope");
  });
});
