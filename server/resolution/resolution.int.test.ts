import * as Y from "yjs";
import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems, VERDICT_LABEL_SCHEMA } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { encodeTextDocument } from "@/server/collab/text-document";
import { appendUpdates } from "@/server/collab/queries";
import { buildCollabDocumentName, COLLAB_TEXT_FIELD, goldDocumentKey } from "@/server/collab/schema";
import { selectEligibleGold } from "@/server/datasets/queries";
import { labelSchemaSchema, type LabelSchema } from "@/server/queues/schema";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
type Person = { id: string; email: string; name: string; isInstanceAdmin: boolean };
const callerFor = (user: Person) => createCaller(createInnerContext({ db: testDb.db, user }));

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

function encodeText(text: string): string {
  return Buffer.from(encodeTextDocument(text)).toString("base64");
}

type Answer = { verdict: string; correction?: string };

/** A one-item queue with overlap = answers.length, each answered by a new annotator. */
async function answerItem(answers: Answer[], options: { majorityThreshold?: number; labelSchema?: LabelSchema } = {}) {
  const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: answers.length, ...options });
  const [item] = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
  const annotators = await seedReviewers(testDb.db, { projectId: team.project.id, count: answers.length });
  const results = [];
  for (const [index, answer] of answers.entries()) {
    const caller = callerFor(annotators[index]!);
    const task = await caller.review.claimNext({ projectId: team.project.id, queueId: queue.id });
    const submitted = await caller.review.submit({
      projectId: team.project.id,
      assignmentId: task!.assignment.id,
      values: { verdict: answer.verdict },
      note: `note ${index}`,
      correctionState: answer.correction === undefined ? undefined : encodeText(answer.correction),
    });
    // The browser is not told what became of the item; the test reads it.
    const { state: itemState } = await testDb.db.selectFrom("queue_items").select("state").where("id", "=", item!.id).executeTakeFirstOrThrow();
    results.push({ ...submitted, itemState });
  }
  const state = await testDb.db.selectFrom("queue_items").select(["state", "conflict_reasons", "resolved_at"]).where("id", "=", item!.id).executeTakeFirstOrThrow();
  const gold = await testDb.db.selectFrom("gold_labels").selectAll().where("queue_item_id", "=", item!.id).execute();
  return { queue, item: item!, annotators, results, state, gold };
}

const goldAudits = (goldId: number) =>
  testDb.db.selectFrom("audit_log").select(["action", "target_type", "actor_user_id", "project_id"]).where("target_id", "=", String(goldId)).where("action", "=", "gold.created").execute();

describe("resolution on the k-th answer", () => {
  it("makes equal labels unanimous gold, audited, in the submit that completes the item", async () => {
    const { results, state, gold, annotators } = await answerItem([{ verdict: "helpful" }, { verdict: "helpful" }, { verdict: "helpful" }]);
    expect(results.map((result) => result.itemState)).toEqual(["in_review", "in_review", "resolved"]);
    expect(state).toMatchObject({ state: "resolved", conflict_reasons: [] });
    expect(state.resolved_at).toBeInstanceOf(Date);
    expect(gold).toEqual([expect.objectContaining({ values: { verdict: "helpful" }, method: "unanimous", confidence: 1, correction: null, resolved_by: null, is_current: true })]);
    expect(gold[0]!.provenance).toMatchObject({
      votes: Object.fromEntries(annotators.map((annotator) => [annotator.id, "helpful"])),
      annotationIds: results.map((result) => result.annotationId),
      threshold: 0.6,
    });
    expect(await goldAudits(gold[0]!.id)).toEqual([{ action: "gold.created", target_type: "gold_label", actor_user_id: null, project_id: team.project.id }]);
  });

  it("makes a share at or above the threshold majority gold with the share as confidence", async () => {
    const { gold } = await answerItem([{ verdict: "helpful" }, { verdict: "harmful" }, { verdict: "helpful" }]);
    expect(gold[0]).toMatchObject({ method: "majority", values: { verdict: "helpful" } });
    expect(gold[0]!.confidence).toBeCloseTo(2 / 3);
  });

  it("sends a split below the threshold to conflict with the reason", async () => {
    const { state, gold } = await answerItem([{ verdict: "helpful" }, { verdict: "harmful" }, { verdict: "helpful" }], { majorityThreshold: 0.7 });
    expect(state).toMatchObject({ state: "conflict", conflict_reasons: ["Verdict: split Helpful 2, Harmful 1, none reaches 70 %"] });
    expect(gold).toEqual([]);
  });

  it("takes corrections equal after whitespace as the gold correction, and sends differing ones to conflict", async () => {
    const agreed = await answerItem([{ verdict: "harmful", correction: "Refunds take 3 days." }, { verdict: "harmful", correction: " Refunds  take 3 days.\n" }]);
    expect(agreed.gold[0]).toMatchObject({ method: "unanimous", correction: "Refunds take 3 days." });

    const differing = await answerItem([{ verdict: "harmful", correction: "Refunds take 3 days." }, { verdict: "harmful" }]);
    expect(differing.state).toMatchObject({ state: "conflict", conflict_reasons: ["some reviewers corrected the output and some left it unchanged"] });
    const both = await answerItem([{ verdict: "harmful", correction: "Refunds take 3 days." }, { verdict: "helpful", correction: "Refunds take 4 days." }]);
    expect(both.state.conflict_reasons).toEqual(["Verdict: split Harmful 1, Helpful 1, none reaches 60 %", "corrections differ"]);
  });

  it("under the medoid rule, takes the most central of close corrections as gold, and names how far apart distant ones are", async () => {
    const labelSchema = labelSchemaSchema.parse({
      fields: [VERDICT_LABEL_SCHEMA.fields[0], { type: "corrected_output", key: "rewrite", title: "Rewrite", consensus: { rule: "medoid", maxDistance: 0.2 } }],
    });
    const close = await answerItem(
      [
        { verdict: "harmful", correction: "Refunds reach your card in 5 to 7 days." },
        { verdict: "harmful", correction: "Refunds reach your card within 5 to 7 days." },
        { verdict: "harmful", correction: "Refunds reach your card in 5 to 7 business days." },
      ],
      { labelSchema },
    );
    expect(close.gold[0]).toMatchObject({ method: "majority", correction: "Refunds reach your card in 5 to 7 days." });
    expect(close.gold[0]!.confidence).toBeGreaterThan(0.8);
    const far = await answerItem([{ verdict: "harmful", correction: "Refunds take 3 days." }, { verdict: "harmful", correction: "Ask your bank about it instead." }], { labelSchema });
    expect(far.state.conflict_reasons).toEqual(["corrections differ: more than 20 % of the text apart"]);
  });

  it("makes gold without a correction when an optional corrected output does not agree, and names it", async () => {
    const labelSchema = labelSchemaSchema.parse({ fields: [{ type: "corrected_output", key: "rewrite", title: "Rewrite", required: false }, VERDICT_LABEL_SCHEMA.fields[0]] });
    const split = await answerItem([{ verdict: "harmful", correction: "Refunds take 3 days." }, { verdict: "harmful" }], { labelSchema });
    expect(split.state.state).toBe("resolved");
    expect(split.gold[0]).toMatchObject({
      values: { verdict: "harmful" },
      correction: null,
      method: "majority",
      provenance: { unresolvedOptional: ["Rewrite: some reviewers corrected the output and some left it unchanged"], correctionDisputed: true },
    });
    const agreed = await answerItem([{ verdict: "harmful", correction: "Refunds take 3 days." }, { verdict: "harmful", correction: "Refunds take 3 days." }], { labelSchema });
    expect(agreed.gold[0]).toMatchObject({ correction: "Refunds take 3 days.", method: "unanimous" });
    // Datasets leave the disputed gold out: keeping the original output is not what its reviewers agreed on.
    const recipe = { queueIds: [split.queue.id, agreed.queue.id], minConfidence: 0, labelFilters: {}, goldFrom: null, goldUntil: null };
    for (const correctionMode of ["allow_original", "require_correction"] as const) {
      const eligible = await selectEligibleGold(testDb.db, { projectId: team.project.id, recipe: { ...recipe, correctionMode } }).select("gold_labels.id").execute();
      expect(eligible.map((row) => row.id)).toEqual([agreed.gold[0]!.id]);
    }
  });
});

describe("adjudication", () => {
  it("lists conflicts and shows every answer side by side to leads only", async () => {
    const { queue, item, annotators } = await answerItem([{ verdict: "helpful" }, { verdict: "harmful", correction: "Refunds take 3 days." }]);
    const lead = callerFor(team.members.lead);
    const conflicts = await lead.resolution.listConflicts({ projectId: team.project.id, queueId: queue.id });
    expect(conflicts).toEqual([
      expect.objectContaining({ queueItemId: item.id, queueId: queue.id, queueName: queue.name, externalId: item.externalId, reasons: ["Verdict: split Harmful 1, Helpful 1, none reaches 60 %", "some reviewers corrected the output and some left it unchanged"], submittedCount: 2, seats: 2 }),
    ]);
    expect(conflicts[0]!.updatedAt).toBeInstanceOf(Date);
    const conflict = await lead.resolution.getConflict({ projectId: team.project.id, queueItemId: item.id });
    expect(conflict).toMatchObject({
      item: { id: item.id, state: "conflict" },
      originalText: "Answer 0: refunds take 5 days.",
      goldDocumentKey: goldDocumentKey(item.id),
      gold: null,
      annotations: [
        { annotatorId: annotators[0]!.id, annotatorName: annotators[0]!.name, values: { verdict: "helpful" }, note: "note 0", correction: null },
        { annotatorId: annotators[1]!.id, values: { verdict: "harmful" }, correction: "Refunds take 3 days." },
      ],
    });
    await expect(callerFor(annotators[0]!).resolution.listConflicts({ projectId: team.project.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(annotators[0]!).resolution.getConflict({ projectId: team.project.id, queueItemId: item.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps the answers of an item still in review from leads, who could otherwise read them before claiming it", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 2 });
    const [item] = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
    const [annotator] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 1 });
    const caller = callerFor(annotator!);
    const task = await caller.review.claimNext({ projectId: team.project.id, queueId: queue.id });
    await caller.review.submit({ projectId: team.project.id, assignmentId: task!.assignment.id, values: { verdict: "helpful" } });
    await expect(callerFor(team.members.lead).resolution.getConflict({ projectId: team.project.id, queueItemId: item!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows the shared page to leads and to annotators who answered, without anyone's answers", async () => {
    const { item, annotators } = await answerItem([{ verdict: "helpful", correction: "SECRET-FIX" }, { verdict: "off_topic" }]);
    const [outsider] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 1 });
    const shared = await callerFor(annotators[0]!).resolution.getShared({ projectId: team.project.id, queueItemId: item.id });
    expect(shared).toMatchObject({ item: { id: item.id, state: "conflict", reasons: [] }, goldDocumentKey: goldDocumentKey(item.id), canEdit: true, gold: null });
    for (const secret of ["SECRET-FIX", "note 1", annotators[1]!.id]) expect(JSON.stringify(shared)).not.toContain(secret);
    await expect(callerFor(team.members.lead).resolution.getShared({ projectId: team.project.id, queueItemId: item.id })).resolves.toMatchObject({
      item: { reasons: ["Verdict: split Helpful 1, Off topic 1, none reaches 60 %", "some reviewers corrected the output and some left it unchanged"] },
    });
    await expect(callerFor(outsider!).resolution.getShared({ projectId: team.project.id, queueItemId: item.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(team.members.ml).resolution.getShared({ projectId: team.project.id, queueItemId: item.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("finalizes a conflict into adjudicated gold with the shared document's text, audited, once", async () => {
    const { item, results } = await answerItem([{ verdict: "helpful" }, { verdict: "harmful", correction: "Refunds take 3 days." }]);
    const documentName = buildCollabDocumentName(team.project.id, goldDocumentKey(item.id));
    const stored = new Y.Doc();
    stored.getText(COLLAB_TEXT_FIELD).insert(0, "Refunds take 3 business days.");
    await appendUpdates(testDb.db, [{ projectId: team.project.id, documentName, update: Y.encodeStateAsUpdate(stored) }]);

    const lead = callerFor(team.members.lead);
    const input = { projectId: team.project.id, queueItemId: item.id, values: { verdict: "harmful" }, note: "policy says 3 business days" };
    await expect(lead.resolution.finalize({ ...input, values: { verdict: "great" } })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "values.verdict" } });
    const { goldLabelId } = await lead.resolution.finalize(input);
    const gold = await testDb.db.selectFrom("gold_labels").selectAll().where("id", "=", goldLabelId).executeTakeFirstOrThrow();
    expect(gold).toMatchObject({ method: "adjudicated", confidence: 1, resolved_by: team.members.lead.id, values: { verdict: "harmful" }, correction: "Refunds take 3 business days." });
    expect(gold.provenance).toMatchObject({ annotationIds: results.map((result) => result.annotationId), note: "policy says 3 business days" });
    expect(await goldAudits(goldLabelId)).toEqual([{ action: "gold.created", target_type: "gold_label", actor_user_id: team.members.lead.id, project_id: team.project.id }]);

    await expect(callerFor(team.members.admin).resolution.finalize(input)).rejects.toMatchObject({ code: "CONFLICT", message: `already finalized by ${team.members.lead.name}` });
    await expect(lead.resolution.getConflict({ projectId: team.project.id, queueItemId: item.id })).resolves.toMatchObject({
      item: { state: "resolved" },
      gold: { method: "adjudicated", resolvedByName: team.members.lead.name, note: "policy says 3 business days" },
    });
  });

  it("shows the lead's note with the gold, to leads and to the reviewers who answered, and records it in the audit log", async () => {
    const { item, annotators } = await answerItem([{ verdict: "helpful" }, { verdict: "harmful" }]);
    const note = "Harmful: it promises a refund we do not give.";
    const { goldLabelId } = await callerFor(team.members.lead).resolution.finalize({ projectId: team.project.id, queueItemId: item.id, values: { verdict: "harmful" }, note: `  ${note}  ` });
    const shared = await callerFor(annotators[0]!).resolution.getShared({ projectId: team.project.id, queueItemId: item.id });
    expect(shared.gold).toMatchObject({ method: "adjudicated", note });
    const entries = await callerFor(team.members.admin).audit.list({ projectId: team.project.id });
    expect(entries.find((entry) => entry.targetId === String(goldLabelId))).toMatchObject({ action: "gold.created", data: { method: "adjudicated", note } });
  });

  it("records no note when the lead gives none, and consensus gold has none", async () => {
    const { item } = await answerItem([{ verdict: "helpful" }, { verdict: "harmful" }]);
    const { goldLabelId } = await callerFor(team.members.lead).resolution.finalize({ projectId: team.project.id, queueItemId: item.id, values: { verdict: "helpful" }, note: "   " });
    const view = await callerFor(team.members.lead).resolution.getConflict({ projectId: team.project.id, queueItemId: item.id });
    expect(view.gold?.note).toBeNull();
    const entries = await callerFor(team.members.admin).audit.list({ projectId: team.project.id });
    expect(entries.find((entry) => entry.targetId === String(goldLabelId))?.data).not.toHaveProperty("note");
    const unanimous = await answerItem([{ verdict: "helpful" }, { verdict: "helpful" }]);
    const consensus = await callerFor(team.members.lead).resolution.getConflict({ projectId: team.project.id, queueItemId: unanimous.item.id });
    expect(consensus.gold).toMatchObject({ method: "unanimous", note: null });
  });

  it("lets exactly one of two leads finalizing at once win; the other gets a conflict", async () => {
    const { item } = await answerItem([{ verdict: "helpful" }, { verdict: "harmful" }]);
    const [secondLead] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 1, role: "lead" });
    const outcomes = await Promise.allSettled(
      [team.members.lead, secondLead!, team.members.admin].map((person) =>
        callerFor(person).resolution.finalize({ projectId: team.project.id, queueItemId: item.id, values: { verdict: "helpful" } }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refusals = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    expect(refusals).toHaveLength(2);
    for (const refusal of refusals) expect(refusal).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^already finalized by /) });
    const gold = await testDb.db.selectFrom("gold_labels").select("id").where("queue_item_id", "=", item.id).execute();
    expect(gold).toHaveLength(1);
    expect(await goldAudits(gold[0]!.id)).toHaveLength(1);
  });

  it("maps the one-current-gold index to a conflict when gold appeared behind the item's back", async () => {
    const { queue, item } = await answerItem([{ verdict: "helpful" }, { verdict: "harmful" }]);
    await testDb.db
      .insertInto("gold_labels")
      .values({ project_id: team.project.id, queue_id: queue.id, queue_item_id: item.id, output_id: item.outputId, values: JSON.stringify({ verdict: "harmful" }), method: "adjudicated", confidence: 1, provenance: "{}", resolved_by: team.members.admin.id })
      .execute();
    await expect(
      callerFor(team.members.lead).resolution.finalize({ projectId: team.project.id, queueItemId: item.id, values: { verdict: "helpful" } }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: `already finalized by ${team.members.admin.name}` });
  });

  it("refuses to finalize an item that is not in conflict", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id });
    const [item] = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
    await expect(
      callerFor(team.members.lead).resolution.finalize({ projectId: team.project.id, queueItemId: item!.id, values: { verdict: "helpful" } }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(
      callerFor(team.members.lead).resolution.finalize({ projectId: team.project.id, queueItemId: 999_999_999, values: { verdict: "helpful" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
