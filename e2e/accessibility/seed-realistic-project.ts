import type { Kysely } from "kysely";
import type { DB } from "../../db/types";
import { SEED_PASSWORD, seedMembership, seedUser } from "../../db/seed/factories";
import { seedQueueItems, VERDICT_FIELD } from "../../db/seed/loop";
import { seedMetricPoints } from "../../db/seed/loop-health";
import { listProjectAlerts } from "../../server/alerts/alert-service";
import { evaluateAlerts } from "../../server/alerts/evaluate-service";
import { createApiKey } from "../../server/api-keys/service";
import { demoAnswerQueue } from "../../server/demo/queue-presets";
import { ingestOutputs } from "../../server/ingest/service";
import { loadDemoProject } from "../../server/demo/service";
import { createInvite } from "../../server/members/invite-service";
import { buildSamplingRule } from "../../server/queues/schema";
import { createQueue } from "../../server/queues/service";
import { refreshMetrics } from "../../server/metrics/service";
import { sendTestWebhook } from "../../server/webhooks/delivery-service";
import { createWebhookEndpoint } from "../../server/webhooks/endpoint-service";

const DAY_MS = 86_400_000;
const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;

/**
 * The demo project (outputs with feedback, two queues, gold, conflicts, a dataset release), plus what the
 * demo leaves out: an admin, an API key, an invite, a webhook endpoint with a delivery and a raised alert,
 * so every page under app/ has real content to be checked with.
 */
export async function seedRealisticProject(db: Kysely<DB>) {
  const demo = await loadDemoProject(db, null, { isTrustedCaller: true });
  const projectId = demo.project.id;
  const person = (role: string) => demo.people.find((candidate) => candidate.role === role)!;
  const admin = await seedUser(db, { name: "Ada Admin" });
  await seedMembership(db, { projectId, userId: admin.id, role: "admin" });
  const actor = { projectId, userId: admin.id };

  await createApiKey(db, actor, { name: "Support bot ingest", scopes: ["ingest"] });
  const invite = await createInvite(db, actor, { role: "annotator", note: "For the new contractor", expiresInDays: 7 }, { publicUrl: "", mailer: null });
  // Loopback is refused by default; the test allows it here only, and the delivery may fail: its page shows either.
  const { endpoint } = await createWebhookEndpoint(db, actor, { url: "http://127.0.0.1:9/hooks", description: "Trainer", eventTypes: ["gold.created"], isEnabled: true }, { urlPolicy: { allowedHosts: ["127.0.0.1"], allowPrivate: false } });
  const { deliveryId } = await sendTestWebhook(db, actor, endpoint.id);

  const queue = await db.selectFrom("queues").select("id").where("project_id", "=", projectId).where("name", "=", demoAnswerQueue.name).executeTakeFirstOrThrow();
  const alertId = await raiseLabelCollapseAlert(db, projectId, queue.id);
  const conflict = await db.selectFrom("queue_items").select("id").where("project_id", "=", projectId).where("state", "=", "conflict").orderBy("id").executeTakeFirstOrThrow();
  const gold = await db.selectFrom("gold_labels").select(["queue_item_id as queueItemId", "output_id as outputId"]).where("project_id", "=", projectId).orderBy("id").executeTakeFirstOrThrow();
  const dataset = await db.selectFrom("datasets").select("id").where("project_id", "=", projectId).executeTakeFirstOrThrow();
  const annotator = await db.selectFrom("users").select("id").where("email", "=", person("annotator").email).executeTakeFirstOrThrow();
  const answer = await db
    .selectFrom("assignments")
    .select(["id", "queue_id as queueId"])
    .where("project_id", "=", projectId)
    .where("annotator_id", "=", annotator.id)
    .where("state", "=", "submitted")
    .where("is_gold_check", "=", false)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  const sharedQueue = await seedCollaborativeQueue(db, actor);
  const pairwiseQueue = await seedPairwiseQueue(db, actor);

  return {
    slug: demo.project.slug,
    people: {
      admin: { email: admin.email, password: SEED_PASSWORD },
      lead: { email: person("lead").email, password: demo.password },
      ml: { email: person("ml").email, password: demo.password },
      annotator: { email: person("annotator").email, password: demo.password },
    },
    ids: { queue: queue.id, alert: alertId, conflictItem: conflict.id, goldItem: gold.queueItemId, output: gold.outputId, dataset: dataset.id, annotator: annotator.id, endpoint: endpoint.id, delivery: deliveryId, answer, sharedQueue, pairwiseQueue },
    inviteUrl: new URL(invite.url, "http://x").pathname,
  };
}

/** A collaborative queue with one item, for the shared review page. */
async function seedCollaborativeQueue(db: Kysely<DB>, actor: { projectId: string; userId: string }): Promise<string> {
  const { id } = await createQueue(db, actor, {
    name: "Answers, reviewed together",
    instructions: "Agree on one answer and one correction.",
    labelSchema: { fields: [VERDICT_FIELD], allowNote: false, allowCorrection: true },
    overlap: 2,
    leaseSeconds: 600,
    mode: "collaborative",
    samplingRule: buildSamplingRule({ rate: 1, tags: ["never-sampled"] }),
    majorityThreshold: 0.6,
    backfill: false,
  });
  await seedQueueItems(db, { projectId: actor.projectId, queueId: id, count: 1 });
  return id;
}

/** A pairwise queue with one output of two candidates, for the side-by-side review page. */
async function seedPairwiseQueue(db: Kysely<DB>, actor: { projectId: string; userId: string }): Promise<string> {
  const { id } = await createQueue(db, actor, {
    name: "Which answer is better",
    instructions: "Pick the answer a customer would rather get.",
    labelSchema: { fields: [{ type: "pairwise", key: "preference", title: "Which answer is better?" }], allowNote: true, allowCorrection: false },
    overlap: 2,
    leaseSeconds: 600,
    mode: "blind",
    samplingRule: buildSamplingRule({ rate: 1, tags: ["pairwise-demo"] }),
    majorityThreshold: 0.6,
    backfill: false,
  });
  const candidates = [
    { output: "Refunds take 24 hours.", model: "support-bot-v1" },
    { output: "Refunds reach your card in **5 to 7 business days** after we receive the return.", model: "support-bot-v2" },
  ];
  await ingestOutputs(db, { projectId: actor.projectId, apiKeyId: null }, [{ external_id: "pairwise-demo-1", input: [{ role: "user", content: "How long do refunds take?" }], candidates, tags: ["pairwise-demo"] }]);
  return id;
}

/** Three weeks in which the gold verdicts collapse onto one value for the last four days, as the label-collapse detector looks for. */
async function raiseLabelCollapseAlert(db: Kysely<DB>, projectId: string, queueId: string): Promise<string> {
  // Fold the demo's rows into the metrics watermarks first, so the metrics job leaves the seeded points alone.
  await refreshMetrics(db, projectId);
  await db.deleteFrom("metric_points").where("project_id", "=", projectId).execute();
  const points = Array.from({ length: 20 }, (_, index) => {
    const ago = 20 - index;
    const correct = ago <= 4 ? 58 : 30;
    return { queueId, metric: "gold.labels", windowStart: new Date(today - ago * DAY_MS), sampleSize: 60, value: ago <= 4 ? 0.21 : 1, detail: { field: "verdict", counts: { correct, wrong: 60 - correct } } };
  });
  await seedMetricPoints(db, projectId, points);
  await evaluateAlerts(db, projectId, { granularity: "day" });
  const alerts = await listProjectAlerts(db, projectId, { limit: 100 });
  return alerts.find((alert) => alert.detector === "label_collapse")!.id;
}
