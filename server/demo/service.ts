import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { hashPassword } from "@/server/auth/passwords";
import type { ProjectRole } from "@/server/auth/roles";
import { encodeTextDocument } from "@/server/collab/text-document";
import { createDataset, publishRelease } from "@/server/datasets/service";
import { ingestOutputs } from "@/server/ingest/service";
import { ingestSignals } from "@/server/ingest/signals-service";
import { insertMembership } from "@/server/members/queries";
import type { ProjectActor } from "@/server/auth/actor";
import { countProjectActivity } from "@/server/projects/queries";
import { createProject } from "@/server/projects/service";
import { createQueue } from "@/server/queues/service";
import { claimNext } from "@/server/review/service";
import { submitAnnotation } from "@/server/review/submit-service";
import { insertUser } from "@/server/users/queries";
import type { SessionUser } from "@/server/users/schema";
import { generateDemoTraffic, type DemoReference } from "./conversations";
import { demoAnswerQueue, demoTriageQueue } from "./queue-presets";
import type { DemoVerdict } from "./support-scenarios";

export const DEMO_OUTPUT_COUNT = 300;
/** Items the demo annotators label up front, so conflicts, gold and a release exist from the start. */
const PRELABELLED_ITEMS = 24;

const demoPeople: { key: string; name: string; role: ProjectRole }[] = [
  { key: "ana", name: "Ana Annotator", role: "annotator" },
  { key: "ben", name: "Ben Annotator", role: "annotator" },
  { key: "lea", name: "Lea Lead", role: "lead" },
  { key: "max", name: "Max ML", role: "ml" },
];

export type DemoPerson = { name: string; email: string; role: ProjectRole };
export type DemoProject = {
  project: { id: string; slug: string; name: string };
  people: DemoPerson[];
  password: string;
  summary: { outputs: number; queued: number; gold: number; conflicts: number; release: number };
};

type Flaw = Exclude<DemoVerdict, "correct">;

/** Why Ana labelled a flawed answer as she did, in her own words. */
const anaNotes: Record<Flaw, string> = {
  wrong: "States a policy or fact we do not have; rewritten from the help centre.",
  unsafe: "Asks for secrets or claims an action the bot cannot take; rewritten safely.",
  partially_correct: "Right direction, but leaves out what the customer needs; completed it.",
};

/** Ben's misjudgement: he rates a flawed answer one step milder than it is. */
const milder: Record<Flaw, DemoVerdict> = { unsafe: "wrong", wrong: "partially_correct", partially_correct: "correct" };

/**
 * What one demo annotator answers. Both label a correct answer correct and fix a flawed one with the good
 * answer to its question. Ana is careful; Ben sometimes rates a flaw one step milder and words some fixes
 * his own way, which is where the demo's conflicts come from. Where they agree, the gold is right.
 */
function demoAnswer(person: "ana" | "ben", reference: DemoReference, position: number) {
  if (reference.verdict === "correct") return { values: { verdict: "correct" } };
  const verdict = person === "ben" && position % 4 === 1 ? milder[reference.verdict] : reference.verdict;
  if (verdict === "correct") return { values: { verdict } };
  const rewrite = person === "ben" && position % 3 === 0 ? `${reference.goodAnswer}\n\nAnything else I can help with?` : reference.goodAnswer;
  return {
    values: { verdict },
    correctionState: Buffer.from(encodeTextDocument(rewrite)).toString("base64"),
    note: person === "ana" ? anaNotes[reference.verdict] : undefined,
  };
}

/** Lets the demo annotators work through the first items of the main queue, both on each item. */
async function simulateReviews(db: Kysely<DB>, params: { projectId: string; queueId: string; annotators: { key: "ana" | "ben"; userId: string }[]; reference: Map<string, DemoReference> }) {
  for (let position = 0; position < PRELABELLED_ITEMS; position += 1) {
    for (const annotator of params.annotators) {
      const actor = { projectId: params.projectId, userId: annotator.userId };
      const task = await claimNext(db, actor, { queueId: params.queueId });
      if (!task) return;
      const reference = params.reference.get(task.output.externalId);
      if (!reference) continue;
      await submitAnnotation(db, actor, { assignmentId: task.assignment.id, timeSpentMs: 20_000 + position * 1_000, ...demoAnswer(annotator.key, reference, position) });
    }
  }
}

/**
 * Creates a demo project: four demo people of its own (two annotators, a lead and an ML engineer, sharing one fresh password),
 * a few hundred support-bot outputs with production feedback, two queues, some labelling already done
 * (gold, conflicts) and a published dataset release, so every page has something to show.
 * `owner` becomes the project's admin; only instance admins may, unless the caller is trusted (CLI).
 */
export async function loadDemoProject(db: Kysely<DB>, owner: SessionUser | null, options: { isTrustedCaller?: boolean } = {}): Promise<DemoProject> {
  const project = await createProject(db, { name: "Acme support bot (demo)" }, owner, options);
  const password = `demo-${randomBytes(9).toString("base64url")}`;
  const passwordHash = await hashPassword(password);
  const people: (DemoPerson & { id: string; key: string })[] = [];
  for (const person of demoPeople) {
    // People of their own per demo project, so one demo's password never opens another's.
    const email = `${person.key}@${project.slug}.demo.goldloop.test`;
    const user = await insertUser(db, { email, name: person.name, passwordHash, isInstanceAdmin: false });
    await insertMembership(db, { projectId: project.id, userId: user.id, role: person.role });
    people.push({ ...person, id: user.id, email: user.email });
  }
  const lead = people.find((person) => person.role === "lead")!;
  const ml = people.find((person) => person.role === "ml")!;
  const leadActor: ProjectActor = { projectId: project.id, userId: owner?.id ?? lead.id };
  // Datasets are the ML engineer's: Max defines the dataset and publishes its first release.
  const mlActor: ProjectActor = { projectId: project.id, userId: ml.id };

  const mainQueue = await createQueue(db, leadActor, demoAnswerQueue);
  await createQueue(db, leadActor, demoTriageQueue);
  const traffic = generateDemoTraffic(DEMO_OUTPUT_COUNT);
  await ingestOutputs(db, { projectId: project.id, apiKeyId: null }, traffic.outputs);
  await ingestSignals(
    db,
    { projectId: project.id },
    traffic.signals.map((signal) => ({ external_id: signal.externalId, kind: signal.kind, value: signal.value, comment: signal.comment })),
  );

  const annotators = people.filter((person) => person.role === "annotator").map((person) => ({ key: person.key as "ana" | "ben", userId: person.id }));
  await simulateReviews(db, { projectId: project.id, queueId: mainQueue.id, annotators, reference: traffic.reference });

  const dataset = await createDataset(db, mlActor, {
    name: "Support answers SFT",
    description: "Gold verdicts and corrected answers from the support queue, for fine-tuning the next bot.",
    queueIds: [mainQueue.id],
    minConfidence: 0,
  });
  const release = await publishRelease(db, mlActor, { datasetId: dataset.id, notes: "First cut from the demo's pre-labelled items." });
  const totals = await countProjectActivity(db, project.id);
  return {
    project,
    people: people.map(({ name, email, role }) => ({ name, email, role })),
    password,
    summary: { outputs: totals.outputs, queued: totals.queuedItems, gold: totals.goldLabels, conflicts: totals.openConflicts, release: release.number },
  };
}
