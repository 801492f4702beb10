import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertMembership } from "@/server/members/queries";
import { updateLoopSettings } from "@/server/metrics/service";
import { createProject } from "@/server/projects/service";
import { createQueue } from "@/server/queues/service";
import { buildSamplingRule, type CreateQueueRequest } from "@/server/queues/schema";
import { insertUser } from "@/server/users/queries";
import { QUEUE_SAMPLING_RATE, annotatorProfiles } from "./world";

export type SimulatedProject = {
  project: { id: string; slug: string; name: string };
  queueId: string;
  /** User ids, in the order of annotatorProfiles. */
  annotatorIds: string[];
};

/** The simulated queue: one verdict per output, three annotators each, the judge's suggestion pre-selected. */
export const simulatedQueue: CreateQueueRequest = {
  name: "Support answers (simulated)",
  instructions: "Is the support bot's answer good, partly right or wrong? The judge's verdict is pre-selected; change it when it is wrong.",
  labelSchema: {
    fields: [
      {
        type: "categorical",
        key: "verdict",
        title: "Verdict",
        options: [
          { value: "good", title: "Good" },
          { value: "partial", title: "Partly right" },
          { value: "wrong", title: "Wrong" },
        ],
      },
    ],
    allowNote: false,
    allowCorrection: false,
  },
  overlap: 3,
  leaseSeconds: 600,
  mode: "blind",
  samplingRule: buildSamplingRule({ rate: QUEUE_SAMPLING_RATE }),
  majorityThreshold: 0.6,
  backfill: false,
  holdoutFraction: 0.2,
  suggestionDisplay: "preselected",
  decoyRate: 0.3,
  approvalValues: { verdict: ["good"] },
};

/**
 * The simulated queue's id, from the project's slug (scenario, seed and start time): sampling draws on the
 * queue id, so the same seed and start replay the same outputs, and two runs never share an id.
 */
function simulatedQueueId(slug: string): string {
  const hex = createHash("sha256").update(`simulated-queue:${slug}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Creates the simulation's project: a lead who owns the queue and the synthetic annotators, all real users
 * without a password (nobody signs in as them), and the queue they work in. Its metrics are daily only
 * (the simulation evaluates daily windows, and each day's work lands in one hour) and watch the locale
 * metadata key for input drift.
 */
export async function createSimulatedProject(db: Kysely<DB>, params: { slug: string; name: string }): Promise<SimulatedProject> {
  const project = await createProject(db, { name: params.name, slug: params.slug }, null, { isTrustedCaller: true });
  const addMember = async (key: string, name: string, role: "lead" | "annotator") => {
    const user = await insertUser(db, { email: `${key}@${project.slug}.sim.goldloop.test`, name, passwordHash: null, isInstanceAdmin: false });
    await insertMembership(db, { projectId: project.id, userId: user.id, role });
    return user.id;
  };
  const leadId = await addMember("lead", "Lee Lead (simulated)", "lead");
  const annotatorIds: string[] = [];
  for (const profile of annotatorProfiles) annotatorIds.push(await addMember(profile.key, profile.name, "annotator"));
  const lead = { projectId: project.id, userId: leadId };
  await updateLoopSettings(db, lead, { granularities: ["day"], driftMetadataKeys: ["locale"] });
  const queue = await createQueue(db, lead, simulatedQueue, { id: simulatedQueueId(project.slug) });
  return { project, queueId: queue.id, annotatorIds };
}
