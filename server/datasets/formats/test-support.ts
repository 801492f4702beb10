import type { Kysely } from "kysely";
import { POST as ingestOutputs } from "@/app/api/v1/outputs/route";
import type { seedProjectTeam } from "@/db/seed/factories";
import { seedQueue } from "@/db/seed/loop";
import type { DB } from "@/db/types";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { encodeTextDocument } from "@/server/collab/text-document";
import { publishAndWait } from "../testing";
import { queueItemsSettled } from "@/server/ingest/queue-item-plans";

/**
 * Releases built the way a team builds them: outputs ingested over REST, reviewed and corrected by an
 * annotator (one answer per item makes unanimous gold), then a dataset published by the ML member.
 */

type Team = Awaited<ReturnType<typeof seedProjectTeam>>;

/** One output as the app sends it, and how the annotator answers it (`correction` edits the answer's text). */
export type ReviewedExample = { externalId: string; input: unknown; output: unknown; endUserId?: string; verdict: "helpful" | "harmful" | "off_topic"; correction?: string };

const callerFor = (db: Kysely<DB>, user: Team["members"]["admin"]) => createCaller(createInnerContext({ db, user }));

/** A queue that takes every output, answered once per item, and an ingest key for the project. */
export async function startProductLoop(db: Kysely<DB>, team: Team) {
  const queue = await seedQueue(db, { projectId: team.project.id, overlap: 1, name: "Support answers" });
  const { secret } = await callerFor(db, team.members.admin).apiKeys.create({ projectId: team.project.id, name: "app", scopes: ["ingest"] });
  return { queueId: queue.id, ingestKey: secret };
}

/** Ingests the examples through `POST /api/v1/outputs`, then claims and answers each one as the annotator. */
export async function ingestAndReview(db: Kysely<DB>, team: Team, loop: { queueId: string; ingestKey: string }, examples: ReviewedExample[]) {
  const body = {
    outputs: examples.map((example) => ({ external_id: example.externalId, input: example.input, output: example.output, end_user_id: example.endUserId })),
  };
  const response = await ingestOutputs(
    new Request("http://localhost/api/v1/outputs", { method: "POST", headers: { authorization: `Bearer ${loop.ingestKey}`, "content-type": "application/json" }, body: JSON.stringify(body) }),
  );
  const { results } = (await response.json()) as { results: { status: string; external_id: string }[] };
  if (results.some((result) => result.status !== "created")) throw new Error(`ingest refused an example: ${JSON.stringify(results)}`);
  // The route answers before it writes the queue items; the annotator claims once they are there.
  await queueItemsSettled();

  const annotator = callerFor(db, team.members.annotator);
  const byExternalId = new Map(examples.map((example) => [example.externalId, example]));
  for (let task = await annotator.review.claimNext({ projectId: team.project.id, queueId: loop.queueId }); task; task = await annotator.review.claimNext({ projectId: team.project.id, queueId: loop.queueId })) {
    const example = byExternalId.get(task.output.externalId);
    if (!example) throw new Error(`the queue holds an output this test did not send: ${task.output.externalId}`);
    await annotator.review.submit({
      projectId: team.project.id,
      assignmentId: task.assignment.id,
      values: { verdict: example.verdict },
      correctionState: example.correction === undefined ? undefined : Buffer.from(encodeTextDocument(example.correction)).toString("base64"),
    });
  }
}

/** Creates a dataset over the loop's queue as the ML member. */
export async function createLoopDataset(db: Kysely<DB>, team: Team, loop: { queueId: string }, name: string) {
  return callerFor(db, team.members.ml).datasets.create({ projectId: team.project.id, name, queueIds: [loop.queueId] });
}

/** Publishes the dataset's next release as the ML member, running the publish job here. */
export async function publishLoopRelease(db: Kysely<DB>, team: Team, datasetId: string) {
  return publishAndWait(db, callerFor(db, team.members.ml), { projectId: team.project.id, datasetId });
}
