import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { seedMembership, seedUser } from "@/db/seed/factories";
import type { DB, ProjectRole } from "@/db/types";
import type { LabelSchema } from "@/server/queues/schema";

/**
 * Queues, items and reviewers for review and resolution tests, written straight into the tables so these
 * tests do not depend on how queues and ingest create them.
 */

export const testLabelSchema: LabelSchema = {
  fields: [
    {
      type: "categorical",
      key: "verdict",
      title: "Verdict",
      options: [
        { value: "helpful", title: "Helpful" },
        { value: "harmful", title: "Harmful" },
        { value: "off_topic", title: "Off topic" },
      ],
    },
  ],
  allowNote: true,
  allowCorrection: true,
};

export async function seedReviewQueue(
  db: Kysely<DB>,
  values: { projectId: string; overlap?: number; leaseSeconds?: number; majorityThreshold?: number; labelSchema?: LabelSchema },
) {
  return db
    .insertInto("queues")
    .values({
      project_id: values.projectId,
      name: `Queue ${randomBytes(3).toString("hex")}`,
      instructions: "Is the answer **helpful**?",
      label_schema: JSON.stringify(values.labelSchema ?? testLabelSchema),
      overlap: values.overlap ?? 3,
      lease_seconds: values.leaseSeconds ?? 600,
      mode: "blind",
      sampling_rule: JSON.stringify({ models: [], tags: [], metadata: {}, signals: [], rate: 1 }),
      majority_threshold: values.majorityThreshold ?? 0.6,
    })
    .returning(["id", "name", "overlap"])
    .executeTakeFirstOrThrow();
}

/** `count` outputs with one queue item each, in id order; output `i` reads "Answer <i>: …". */
export async function seedQueueItems(db: Kysely<DB>, values: { projectId: string; queueId: string; count: number }) {
  const prefix = randomBytes(4).toString("hex");
  const outputs = await db
    .insertInto("outputs")
    .values(
      Array.from({ length: values.count }, (_, index) => ({
        project_id: values.projectId,
        external_id: `${prefix}-${index}`,
        model: "support-bot-1",
        input: JSON.stringify([{ role: "user", content: `Question ${index}: how do refunds work?` }]),
        output: JSON.stringify(`Answer ${index}: refunds take 5 days.`),
        content_hash: `${prefix}-${index}`,
        produced_at: new Date(),
      })),
    )
    .returning(["id", "external_id as externalId", "content_hash as contentHash"])
    .execute();
  const items = await db
    .insertInto("queue_items")
    .values(outputs.map((output) => ({ project_id: values.projectId, queue_id: values.queueId, output_id: output.id, content_hash: output.contentHash, inclusion_probability: 1 })))
    .returning(["id", "output_id as outputId"])
    .execute();
  return items
    .map((item) => ({ ...item, externalId: outputs.find((output) => output.id === item.outputId)!.externalId }))
    .sort((a, b) => a.id - b.id);
}

/** `count` project members of one role. */
export async function seedReviewers(db: Kysely<DB>, values: { projectId: string; count: number; role?: ProjectRole }) {
  const people = [];
  for (let index = 0; index < values.count; index += 1) {
    const person = await seedUser(db, { name: `Reviewer ${index + 1}` });
    await seedMembership(db, { projectId: values.projectId, userId: person.id, role: values.role ?? "annotator" });
    people.push(person);
  }
  return people;
}
