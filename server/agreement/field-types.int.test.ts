import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { computeKrippendorffAlpha } from "@/server/quality/krippendorff";
import { createReliabilityData } from "@/server/quality/reliability-data";
import { labelSchemaSchema } from "@/server/queues/schema";

const testDb = setUpTestDatabase();
type Person = Parameters<typeof createInnerContext>[0]["user"];
const callerFor = (user: Person) => createCaller(createInnerContext({ db: testDb.db, user }));

const labelSchema = labelSchemaSchema.parse({
  fields: [
    { type: "rating", key: "quality", title: "Quality", max: 5 },
    { type: "number", key: "minutes", title: "Minutes", min: 0, max: 60 },
    { type: "multi_select", key: "issues", title: "Issues", options: [{ value: "tone", title: "Tone" }, { value: "facts", title: "Facts" }] },
    { type: "rubric", key: "rubric", title: "Rubric", criteria: [{ key: "cites", title: "Cites", scale: "pass_fail" }, { key: "clear", title: "Clear", scale: "one_to_five" }] },
    { type: "free_text", key: "why", title: "Why", required: false },
    { type: "pairwise", key: "preference", title: "Preference" },
  ],
  allowCorrection: false,
});

/** Two reviewers' answers to six items, as they submit them. */
const ANSWERS = [
  [
    { quality: 5, minutes: 10, issues: [], rubric: { cites: true, clear: 5 }, preference: { choice: "a" } },
    { quality: 4, minutes: 20, issues: ["tone"], rubric: { cites: true, clear: 4 }, preference: { choice: "b" } },
    { quality: 2, minutes: 30, issues: ["facts"], rubric: { cites: false, clear: 2 }, preference: { choice: "tie" } },
    { quality: 1, minutes: 40, issues: ["tone", "facts"], rubric: { cites: false, clear: 1 }, preference: { choice: "a" } },
    { quality: 3, minutes: 50, issues: [], rubric: { cites: true, clear: 3 }, preference: { choice: "b" } },
    { quality: 4, minutes: 5, issues: ["facts"], rubric: { cites: false, clear: 4 }, preference: { choice: "a" } },
  ],
  [
    { quality: 4, minutes: 15, issues: [], rubric: { cites: true, clear: 5 }, preference: { choice: "a" } },
    { quality: 4, minutes: 20, issues: ["tone"], rubric: { cites: false, clear: 3 }, preference: { choice: "b" } },
    { quality: 1, minutes: 35, issues: [], rubric: { cites: false, clear: 2 }, preference: { choice: "b" } },
    { quality: 2, minutes: 40, issues: ["facts"], rubric: { cites: false, clear: 1 }, preference: { choice: "a" } },
    { quality: 3, minutes: 45, issues: ["tone"], rubric: { cites: true, clear: 2 }, preference: { choice: "tie" } },
    { quality: 5, minutes: 5, issues: ["facts"], rubric: { cites: false, clear: 5 }, preference: { choice: "b" } },
  ],
] as const;

let agreement: Awaited<ReturnType<ReturnType<typeof callerFor>["agreement"]["forQueue"]>>;

beforeAll(async () => {
  const team = await seedProjectTeam(testDb.db);
  const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 2, labelSchema });
  await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: ANSWERS[0].length });
  const reviewers = await seedReviewers(testDb.db, { projectId: team.project.id, count: 2 });
  for (const [index, reviewer] of reviewers.entries()) {
    for (const values of ANSWERS[index]!) {
      const task = await callerFor(reviewer).review.claimNext({ projectId: team.project.id, queueId: queue.id });
      await callerFor(reviewer).review.submit({ projectId: team.project.id, assignmentId: task!.assignment.id, values: { ...values, issues: [...values.issues], rubric: { ...values.rubric }, preference: { ...values.preference } } });
    }
  }
  agreement = await callerFor(team.members.lead).agreement.forQueue({ projectId: team.project.id, queueId: queue.id });
});

/** α of the two reviewers' values, item by item, at a level, as server/quality computes it. */
const alphaOf = (pick: (answer: (typeof ANSWERS)[number][number]) => number, level: "nominal" | "ordinal" | "interval") =>
  computeKrippendorffAlpha(createReliabilityData(ANSWERS.map((answers) => answers.map(pick))), level).alpha;

describe("agreement on every field type", () => {
  it("measures ratings (ordinal), numbers (interval), each rubric criterion, each multi-select option and pairwise choices (ordinal: A, tie, B), and not free text", () => {
    expect(agreement.fields.map((field) => [field.key, field.title, field.alpha.level, field.isChoice])).toEqual([
      ["quality", "Quality", "ordinal", false],
      ["minutes", "Minutes", "interval", false],
      ["issues.tone", "Issues: Tone", "nominal", false],
      ["issues.facts", "Issues: Facts", "nominal", false],
      ["rubric.cites", "Rubric: Cites", "nominal", false],
      ["rubric.clear", "Rubric: Clear", "ordinal", false],
      ["preference", "Preference", "ordinal", false],
    ]);
    const byKey = new Map(agreement.fields.map((field) => [field.key, field]));
    // Ordinal codes follow the scale (1–5 → 0–4); interval uses the numbers themselves.
    expect(byKey.get("quality")!.alpha.value).toBeCloseTo(alphaOf((answer) => answer.quality - 1, "ordinal"), 12);
    expect(byKey.get("minutes")!.alpha.value).toBeCloseTo(alphaOf((answer) => answer.minutes, "interval"), 12);
    expect(byKey.get("issues.facts")!.alpha.value).toBeCloseTo(alphaOf((answer) => Number((answer.issues as readonly string[]).includes("facts")), "nominal"), 12);
    expect(byKey.get("rubric.cites")!.alpha.value).toBeCloseTo(alphaOf((answer) => Number(answer.rubric.cites), "nominal"), 12);
    expect(byKey.get("rubric.clear")!.alpha.value).toBeCloseTo(alphaOf((answer) => answer.rubric.clear - 1, "ordinal"), 12);
    expect(byKey.get("preference")!.alpha.value).toBeCloseTo(alphaOf((answer) => ["a", "tie", "b"].indexOf(answer.preference.choice), "ordinal"), 12);
    for (const field of agreement.fields) expect(field).toMatchObject({ items: 6, answers: 12, annotators: 2 });
    expect(agreement.judges).toEqual([]);
  });
});
