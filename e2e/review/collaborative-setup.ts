import type { Page } from "@playwright/test";
import { expect, openE2eDatabase } from "../fixtures";
import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedQueueItems } from "../../db/seed/loop";
import { buildSamplingRule } from "../../server/queues/schema";
import { createQueue } from "../../server/queues/service";

/** Picks an option of the active field with its number key; retried while the page is still hydrating. */
export async function pickOption(page: Page, key: string, title: string) {
  await expect(async () => {
    await page.keyboard.press(key);
    await expect(page.getByRole("radio", { name: title })).toBeChecked({ timeout: 1_000 });
  }).toPass();
}

/**
 * A project with two annotators and a lead, and a collaborative queue (k = 2, a verdict of Correct or Wrong
 * and the corrected output) holding one item, as the collaborative specs start.
 */
export async function seedCollaborativeItem(names: { project: string; annotators: [string, string]; lead: string }) {
  const db = openE2eDatabase();
  const project = await seedProject(db, { name: names.project });
  const [ana, bea, lead] = await Promise.all([seedUser(db, { name: names.annotators[0] }), seedUser(db, { name: names.annotators[1] }), seedUser(db, { name: names.lead })]);
  await seedMembership(db, { projectId: project.id, userId: ana.id, role: "annotator" });
  await seedMembership(db, { projectId: project.id, userId: bea.id, role: "annotator" });
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  const queue = await createQueue(db, { projectId: project.id, userId: lead.id }, {
    name: "Refunds together",
    instructions: "Agree on the **right** answer.",
    labelSchema: {
      fields: [{ type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "correct", title: "Correct" }, { value: "wrong", title: "Wrong" }] }],
      allowNote: false,
      allowCorrection: true,
    },
    overlap: 2,
    leaseSeconds: 600,
    mode: "collaborative",
    samplingRule: buildSamplingRule({ rate: 1 }),
    majorityThreshold: 0.6,
    backfill: false,
  });
  const [item] = await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 1 });
  return { db, project, ana, bea, lead, queue, item: item!, reviewUrl: `/p/${project.slug}/queues/${queue.id}/review` };
}
