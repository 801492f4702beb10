import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import type { createCaller } from "@/server/api/root";
import { runReleasePublication, type PublishOptions } from "./publish-job";

type Caller = ReturnType<typeof createCaller>;

/**
 * Test support: publishes through tRPC (which only queues the release), runs the publish job here, and
 * returns the release as the dataset page then shows it.
 */
export async function publishAndWait(db: Kysely<DB>, caller: Caller, input: { projectId: string; datasetId: string; notes?: string }, options: PublishOptions = {}) {
  const queued = await caller.datasets.publish(input);
  await runReleasePublication(db, { projectId: input.projectId, releaseId: queued.releaseId }, options);
  const { releases } = await caller.datasets.get({ projectId: input.projectId, datasetId: input.datasetId });
  const release = releases.find((candidate) => candidate.number === queued.number);
  if (!release) throw new Error(`release ${queued.number} vanished`);
  return { number: release.number, status: release.status, rowCount: release.rowCount, changelog: release.changelog, error: release.error };
}
