import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { InvalidStateError, NotFoundError } from "@/server/lib/errors";
import { countClassBalance, listReleaseLabelVersions, listReleaseRows } from "./browse-queries";
import { listRowChanges, selectReleaseRowKeys } from "./diff-queries";
import { findLatestPublishedRelease, findReleaseByNumber } from "./release-queries";
import { BROWSE_PAGE_SIZE, type BrowseReleaseRowsInput, type ReleaseChangesInput } from "./schema";

/** A published release of the dataset and the published one before it; rows of an unfinished release are not shown. */
async function loadPublishedPair(db: Kysely<DB>, projectId: string, input: { datasetId: string; release: number }) {
  const release = await findReleaseByNumber(db, { projectId, datasetId: input.datasetId, number: input.release });
  if (!release) throw new NotFoundError(`this dataset has no release ${input.release}`, { field: "release" });
  if (release.status !== "published") throw new InvalidStateError(`release ${input.release} is ${release.status}; its rows show once it is published`, { field: "release" });
  const previous = await findLatestPublishedRelease(db, projectId, input.datasetId, { before: release.number });
  return { release, previous: previous ?? null };
}

/** One page of a release's rows, filtered by split, label, change since the previous release and text. */
export async function browseReleaseRows(db: Kysely<DB>, projectId: string, input: BrowseReleaseRowsInput) {
  const { release, previous } = await loadPublishedPair(db, projectId, input);
  const [key, ...rest] = input.label?.split("=") ?? [];
  const label = key !== undefined && rest.length > 0 ? { key, value: rest.join("=") } : undefined;
  const page = await listReleaseRows(db, {
    projectId,
    releaseId: release.id,
    previousReleaseId: previous?.id ?? null,
    filters: { split: input.split, label, change: input.change, search: input.search || undefined },
    limit: BROWSE_PAGE_SIZE,
    offset: (input.page - 1) * BROWSE_PAGE_SIZE,
  });
  return { ...page, page: input.page, pageSize: BROWSE_PAGE_SIZE, previousNumber: previous?.number ?? null };
}

/** Row by row, what changed from the previous published release to this one: added, removed (with what they were) and relabelled (before → after). */
export async function listReleaseChanges(db: Kysely<DB>, projectId: string, input: ReleaseChangesInput) {
  const { release, previous } = await loadPublishedPair(db, projectId, input);
  const current = selectReleaseRowKeys(db, projectId, release.id);
  // Release 1 compares with nothing: every row is added.
  const none = selectReleaseRowKeys(db, projectId, -1);
  const page = await listRowChanges(db, {
    current,
    previous: previous ? selectReleaseRowKeys(db, projectId, previous.id) : none,
    change: input.change,
    limit: BROWSE_PAGE_SIZE,
    offset: (input.page - 1) * BROWSE_PAGE_SIZE,
  });
  return { ...page, page: input.page, pageSize: BROWSE_PAGE_SIZE, previousNumber: previous?.number ?? null };
}

/** How many rows each split holds per value of each label field. */
export async function getClassBalance(db: Kysely<DB>, projectId: string, input: { datasetId: string; release: number }) {
  const { release } = await loadPublishedPair(db, projectId, input);
  return countClassBalance(db, projectId, release.id);
}

/**
 * The queues whose rows in the release were labelled under more than one version of their label, with the
 * rows per version: a field added later is missing from older rows, so a training job should know.
 */
export async function getMixedLabelVersions(db: Kysely<DB>, projectId: string, input: { datasetId: string; release: number }) {
  const { release } = await loadPublishedPair(db, projectId, input);
  const byQueue = new Map<string, { queueId: string; queueName: string; versions: { version: number; rows: number }[] }>();
  for (const row of await listReleaseLabelVersions(db, projectId, release.id)) {
    const queue = byQueue.get(row.queueId) ?? { queueId: row.queueId, queueName: row.queueName, versions: [] };
    queue.versions.push({ version: row.version, rows: row.rows });
    byQueue.set(row.queueId, queue);
  }
  return [...byQueue.values()].filter((queue) => queue.versions.length > 1);
}
