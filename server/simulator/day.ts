import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { ingestOutputs } from "@/server/ingest/service";
import { ingestSignals } from "@/server/ingest/signals-service";
import type { ProjectActor } from "@/server/auth/actor";
import { claimNext } from "@/server/review/service";
import { submitAnnotation } from "@/server/review/submit-service";
import { answerItem } from "./annotators";
import { streamFor } from "./random";
import type { SimulatedProject } from "./setup";
import type { DayTraffic } from "./traffic";
import { annotatorProfiles, type AnnotatorBehaviour, type Verdict } from "./world";

type Worker = { actor: ProjectActor; queueId: string; profileKey: string; behaviour: AnnotatorBehaviour; seed: number; truthById: ReadonlyMap<string, Verdict> };

/** One turn of one annotator: claim the next item and answer it as their behaviour says. False when nothing is left for them. */
async function answerNext(db: Kysely<DB>, worker: Worker): Promise<boolean> {
  const task = await claimNext(db, worker.actor, { queueId: worker.queueId });
  if (!task) return false;
  const truth = worker.truthById.get(task.output.externalId);
  if (truth === undefined) throw new Error(`the simulation did not produce output ${task.output.externalId}`);
  const answer = answerItem(worker.behaviour, truth, task.suggestion?.values.verdict, streamFor(worker.seed, worker.profileKey, task.output.externalId));
  await submitAnnotation(db, worker.actor, { assignmentId: task.assignment.id, values: { verdict: answer.verdict }, timeSpentMs: answer.timeSpentMs });
  return true;
}

export type DayWork = { outputs: number; queued: number; signals: number; annotations: number };

/**
 * The annotators take turns in a fixed order, one item each, until a whole round finds nothing (an answer
 * to a decoy gives its seat back, possibly after some annotators already found the queue empty). Taking
 * turns instead of racing gives each annotator a fair share of the items, decoys included, whatever the
 * machine's timing, so a scenario's detections do not depend on who won the races.
 */
async function drainQueue(db: Kysely<DB>, params: { simulated: SimulatedProject; annotators: readonly AnnotatorBehaviour[]; seed: number; truthById: ReadonlyMap<string, Verdict> }): Promise<number> {
  const { simulated } = params;
  const workers: Worker[] = simulated.annotatorIds.map((userId, index) => ({
    actor: { projectId: simulated.project.id, userId },
    queueId: simulated.queueId,
    profileKey: annotatorProfiles[index]!.key,
    behaviour: params.annotators[index]!,
    seed: params.seed,
    truthById: params.truthById,
  }));
  let total = 0;
  for (;;) {
    let round = 0;
    for (const worker of workers) if (await answerNext(db, worker)) round += 1;
    if (round === 0) return total;
    total += round;
  }
}

/**
 * One simulated day through the real services: ingest the day's outputs (the queue samples them), send the
 * users' signals, then let the annotators drain the queue; the last answer an item needs resolves it
 * inside its submit. `truthById` holds the latent label of every output so far, since an item can wait for
 * a seat until a later day.
 */
export async function runDayWork(
  db: Kysely<DB>,
  params: { simulated: SimulatedProject; traffic: DayTraffic; annotators: readonly AnnotatorBehaviour[]; seed: number; truthById: Map<string, Verdict> },
): Promise<DayWork> {
  const { simulated, traffic, truthById } = params;
  const projectId = simulated.project.id;
  const ingested = await ingestOutputs(db, { projectId, apiKeyId: null }, traffic.outputs.map((output) => output.item));
  const rejected = ingested.results.find((result) => result.status === "rejected");
  if (rejected) throw new Error(`the simulation sent an output ingest rejects: ${rejected.field}: ${rejected.reason}`);
  const queued = ingested.results.reduce((sum, result) => sum + (result.status === "created" ? result.queued : 0), 0);
  if (traffic.signals.length > 0) await ingestSignals(db, { projectId }, traffic.signals);

  for (const output of traffic.outputs) truthById.set(output.externalId, output.truth);
  const annotations = await drainQueue(db, { simulated, annotators: params.annotators, seed: params.seed, truthById });
  return { outputs: traffic.outputs.length, queued, signals: traffic.signals.length, annotations };
}
