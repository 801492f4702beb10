import type { Database } from "@/db";
import { seedMembership, seedUser } from "@/db/seed/factories";
import { seedQueue } from "@/db/seed/loop";
import { seedMetricPoints } from "@/db/seed/loop-health";

/**
 * A queue whose agreement can be checked against the `server/quality` functions and hand counts, for the
 * integration test and the page's e2e test: three reviewers answer the same 12 items, a fourth shares one
 * item with the first, a decoy answer and a gold-check answer that must not count, a judge's suggestions
 * next to majority gold, a Dawid–Skene fit for one reviewer, and two α windows.
 */
export const SCENARIO_LABELS = {
  ada: ["helpful", "helpful", "helpful", "helpful", "harmful", "harmful", "harmful", "off_topic", "off_topic", "helpful", "harmful", "off_topic"],
  ben: ["helpful", "helpful", "helpful", "harmful", "harmful", "harmful", "off_topic", "off_topic", "off_topic", "helpful", "harmful", "helpful"],
  cleo: ["helpful", "helpful", "harmful", "helpful", "harmful", "off_topic", "harmful", "off_topic", "helpful", "helpful", "harmful", "off_topic"],
} as const;
/** The majority of the three reviewers per item (every item has one). */
export const SCENARIO_GOLD = ["helpful", "helpful", "helpful", "helpful", "harmful", "harmful", "harmful", "off_topic", "off_topic", "helpful", "harmful", "off_topic"] as const;
export const SCENARIO_JUDGE = ["helpful", "harmful", "helpful", "helpful", "harmful", "harmful", "off_topic", "off_topic", "helpful", "helpful", "harmful", "off_topic"] as const;
export const SCENARIO_ALPHA_WINDOWS = [
  { windowStart: new Date("2026-11-20T00:00:00Z"), sampleSize: 40, value: 0.61, detail: { ci: [0.48, 0.72], labels: 120 } },
  { windowStart: new Date("2026-11-21T00:00:00Z"), sampleSize: 0, value: null, detail: { ci: null, labels: 0 } },
];

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;

async function insertItem(db: Database, scope: { projectId: string; queueId: string }, suggestion: unknown) {
  const output = await db
    .insertInto("outputs")
    .values({
      project_id: scope.projectId,
      external_id: unique("agreement"),
      input: JSON.stringify("Can I get a refund?"),
      output: JSON.stringify("Refunds take 5 days."),
      content_hash: unique("hash"),
      produced_at: new Date(),
      suggestion: suggestion === null ? null : JSON.stringify(suggestion),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const item = await db
    .insertInto("queue_items")
    .values({ project_id: scope.projectId, queue_id: scope.queueId, output_id: output.id, content_hash: unique("hash"), inclusion_probability: 1, state: "resolved", resolved_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { outputId: output.id, queueItemId: item.id };
}

async function insertAnswer(
  db: Database,
  scope: { projectId: string; queueId: string },
  values: { queueItemId: number; annotatorId: string; verdict: string; kind?: "counted" | "decoy" | "gold_check"; isCorrect?: boolean },
) {
  const kind = values.kind ?? "counted";
  const assignment = await db
    .insertInto("assignments")
    .values({
      project_id: scope.projectId,
      queue_id: scope.queueId,
      queue_item_id: values.queueItemId,
      annotator_id: values.annotatorId,
      state: "submitted",
      lease_expires_at: new Date(),
      submitted_at: new Date(),
      is_decoy: kind === "decoy",
      is_gold_check: kind === "gold_check",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("annotations")
    .values({
      project_id: scope.projectId,
      queue_item_id: values.queueItemId,
      assignment_id: assignment.id,
      annotator_id: values.annotatorId,
      values: JSON.stringify({ verdict: values.verdict }),
      schema_version: 1,
      was_decoy: kind === "decoy",
      counts_toward_gold: kind === "counted",
      gold_check_correct: kind === "gold_check" ? (values.isCorrect ?? true) : null,
    })
    .execute();
}

export async function seedAgreementScenario(db: Database, projectId: string) {
  const queue = await seedQueue(db, { projectId, name: unique("Agreement queue"), overlap: 3 });
  const scope = { projectId, queueId: queue.id };
  const people = {} as Record<"ada" | "ben" | "cleo" | "dev" | "eve", { id: string; name: string; email: string }>;
  for (const [key, name] of [["ada", "Ada Reviewer"], ["ben", "Ben Reviewer"], ["cleo", "Cleo Reviewer"], ["dev", "Dev Reviewer"], ["eve", "Eve Reviewer"]] as const) {
    const person = await seedUser(db, { name });
    await seedMembership(db, { projectId, userId: person.id, role: "annotator" });
    people[key] = person;
  }
  const items = [];
  for (let index = 0; index < SCENARIO_GOLD.length; index += 1) {
    const item = await insertItem(db, scope, { source: "gpt-judge", values: { verdict: SCENARIO_JUDGE[index], tone: "calm" } });
    for (const reviewer of ["ada", "ben", "cleo"] as const) {
      await insertAnswer(db, scope, { queueItemId: item.queueItemId, annotatorId: people[reviewer].id, verdict: SCENARIO_LABELS[reviewer][index]! });
    }
    await db
      .insertInto("gold_labels")
      .values({ ...toGoldKeys(scope, item), values: JSON.stringify({ verdict: SCENARIO_GOLD[index] }), method: "majority", confidence: 0.67, provenance: "{}" })
      .execute();
    items.push(item);
  }
  // A decoy answer never counts: were it counted, item 0 would have four answers and α would change.
  await insertAnswer(db, scope, { queueItemId: items[0]!.queueItemId, annotatorId: people.dev.id, verdict: "off_topic", kind: "decoy" });
  // Ada and Eve share one more item: a pair with too few items in common for a κ.
  const shared = await insertItem(db, scope, null);
  await insertAnswer(db, scope, { queueItemId: shared.queueItemId, annotatorId: people.ada.id, verdict: "helpful" });
  await insertAnswer(db, scope, { queueItemId: shared.queueItemId, annotatorId: people.eve.id, verdict: "harmful" });
  // Gold checks count toward gold accuracy only: Ada one right, one wrong.
  for (const isCorrect of [true, false]) {
    const check = await insertItem(db, scope, null);
    await insertAnswer(db, scope, { queueItemId: check.queueItemId, annotatorId: people.ada.id, verdict: "harmful", kind: "gold_check", isCorrect });
  }
  const fit = await db
    .insertInto("quality_fits")
    .values({
      project_id: projectId, queue_id: queue.id, field_key: "verdict", method: "dawid_skene", classes: JSON.stringify(["helpful", "harmful", "off_topic"]),
      class_priors: JSON.stringify([0.4, 0.3, 0.3]), iterations: 12, is_converged: true, log_likelihood: -30, label_count: 36, item_count: 12, annotator_count: 3,
      clamped_item_count: 0, read_ms: 1, fit_ms: 1, write_ms: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("annotator_stats")
    .values({ project_id: projectId, queue_id: queue.id, field_key: "verdict", annotator_id: people.ada.id, fit_id: fit.id, confusion: "[]", reliability: 0.83, label_count: 12 })
    .execute();
  await seedMetricPoints(db, projectId, SCENARIO_ALPHA_WINDOWS.map((window) => ({ ...window, queueId: queue.id, metric: "agreement.alpha" })));
  return { queue, people, items };
}

function toGoldKeys(scope: { projectId: string; queueId: string }, item: { outputId: number; queueItemId: number }) {
  return { project_id: scope.projectId, queue_id: scope.queueId, output_id: item.outputId, queue_item_id: item.queueItemId };
}
