import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { logger } from "@/server/lib/logger";
import { NotFoundError, ValidationError } from "@/server/lib/errors";
import { createRowEncoder } from "./formats/encoders";
import { countSelectedRows, readCurrentRows, readRemovedRows, type ExportPage, type RowSelection } from "./formats/queries";
import { exportFileName, exportFormatFiles, trainingFormats, type ExportOptions } from "./formats/schema";
import { findDataset } from "./queries";
import { findReleaseForPull } from "./service";

/** The slug of a project's dataset by id (the UI links by id, pulls go by slug); undefined when there is none. */
export async function findDatasetSlug(db: Kysely<DB>, projectId: string, datasetId: string): Promise<string | undefined> {
  return (await findDataset(db, projectId, datasetId))?.slug;
}

/** Rows per read: one keyset page of 2,000 rows per query (Parquet writes one row group per page). */
const PAGE_SIZE = 2_000;

/** Everything a pull needs before its first byte: which rows, how many, and the headers that describe them. */
export type ReleaseExport = {
  selection: RowSelection;
  options: ExportOptions;
  datasetSlug: string;
  rowCount: number;
  etag: string;
  fileName: string;
  contentType: string;
};

/** Bump when any format's bytes change for the same rows, so clients holding an old ETag download again. */
const EXPORT_RENDERING_VERSION = 1;

/**
 * The ETag names exactly what the bytes depend on: the release (datasets are never renamed into another's
 * id), every option that changes them, and how this version renders them. A numbered release changes only
 * when an end user's erasure turns some of its rows into tombstones, so the ETag counts those rows too.
 */
function exportEtag(datasetId: string, release: { number: number; erasedRows: number }, options: ExportOptions): string {
  const format = options.format === "dpo" ? `dpo.${options.dpoStyle}` : options.format;
  const since = options.since === null ? "" : `-since${options.since}`;
  const erased = release.erasedRows === 0 ? "" : `-e${release.erasedRows}`;
  return `"${datasetId}-r${release.number}${erased}-${format}-${options.split ?? "all"}${since}-v${EXPORT_RENDERING_VERSION}"`;
}

/** The release a pull asks for, as far as the headers go; rows are counted later, only when they are sent. */
export async function resolveReleaseExport(db: Kysely<DB>, params: { projectId: string; slug: string; release: number | "latest"; options: ExportOptions }) {
  const release = await findReleaseForPull(db, { projectId: params.projectId, slug: params.slug, release: params.release });
  const { options } = params;
  let previousReleaseId: number | null = null;
  if (options.since !== null) {
    if (options.since >= release.number) {
      throw new ValidationError(`since must name an earlier release than ${release.number}`, { field: "since" });
    }
    const previous = await findReleaseForPull(db, { projectId: params.projectId, slug: params.slug, release: options.since }).catch((error: unknown) => {
      if (error instanceof NotFoundError) throw new NotFoundError(`dataset "${release.slug}" has no release ${options.since} to compare with`, { field: "since" });
      throw error;
    });
    previousReleaseId = previous.releaseId;
  }
  const selection: RowSelection = { projectId: params.projectId, releaseId: release.releaseId, releaseNumber: release.number, split: options.split, format: options.format, previousReleaseId };
  return {
    selection,
    options,
    datasetSlug: release.slug,
    releaseRowCount: release.rowCount,
    etag: exportEtag(release.datasetId, release, options),
    fileName: exportFileName(release.slug, release.number, options),
    contentType: exportFormatFiles[options.format].contentType,
  };
}

/** Counts the rows a resolved pull serves (the release's own count when nothing filters them). */
export async function countReleaseExport(db: Kysely<DB>, resolved: Awaited<ReturnType<typeof resolveReleaseExport>>): Promise<ReleaseExport> {
  const { selection, options, releaseRowCount, ...rest } = resolved;
  const isWhole = selection.split === null && selection.previousReleaseId === null && !trainingFormats.includes(options.format);
  const rowCount = isWhole ? releaseRowCount : await countSelectedRows(db, selection);
  return { ...rest, selection, options, rowCount };
}

/** Resolves and counts a pull in one step, for callers that always send the rows (the CLI). */
export async function prepareReleaseExport(db: Kysely<DB>, params: Parameters<typeof resolveReleaseExport>[1]): Promise<ReleaseExport> {
  return countReleaseExport(db, await resolveReleaseExport(db, params));
}

type PageReader = (page: { afterPosition: number; limit: number }) => Promise<ExportPage>;

/** Pages read ahead of the one being encoded. */
const READ_AHEAD = 2;

/**
 * The pages of one keyset walk. Each page's query starts the moment the page before it arrives, up to
 * READ_AHEAD pages ahead of the one being encoded, so Postgres renders the next pages while this process
 * encodes the current one: reading and encoding overlap instead of taking turns, and memory still holds a
 * fixed number of pages.
 */
async function* walkPages(read: PageReader, pageSize: number): AsyncGenerator<ExportPage> {
  const follow = (previous: Promise<ExportPage | null>) =>
    previous.then((page) => (page && page.count === pageSize ? read({ afterPosition: page.lastPosition, limit: pageSize }) : null));
  const ahead: Promise<ExportPage | null>[] = [read({ afterPosition: 0, limit: pageSize })];
  for (;;) {
    while (ahead.length <= READ_AHEAD) {
      const next = follow(ahead.at(-1)!);
      // A client that hangs up leaves reads ahead unawaited; their failure must not become an unhandled rejection.
      next.catch(() => {});
      ahead.push(next);
    }
    const page = await ahead.shift()!;
    if (!page) return;
    if (page.count > 0) yield page;
    if (page.count < pageSize) return;
  }
}

/** The pages of an export in order: the release's rows (or, with `since`, its added and relabelled rows), then the tombstones. */
async function* readExportPages(db: Kysely<DB>, selection: RowSelection, pageSize: number): AsyncGenerator<ExportPage> {
  yield* walkPages((page) => readCurrentRows(db, selection, page), pageSize);
  if (selection.previousReleaseId === null) return;
  const removedSelection = { ...selection, previousReleaseId: selection.previousReleaseId };
  yield* walkPages((page) => readRemovedRows(db, removedSelection, page), pageSize);
}

/**
 * A release export as a byte stream in its format. Each pull takes the next keyset page and enqueues its
 * encoded bytes as one chunk; the stream holds one encoded page and reads READ_AHEAD more ahead of the
 * reader, so a slow client slows the reads instead of filling memory, and memory stays flat whatever the
 * release's size.
 *
 * Pages are separate short queries rather than one cursor: release rows never change, so the pages add up
 * to a consistent copy without holding a connection (or a transaction) open while a client downloads.
 */
export function streamReleaseExport(
  db: Kysely<DB>,
  releaseExport: ReleaseExport,
  options: { pageSize?: number; onRows?: (sentRows: number) => void } = {},
): ReadableStream<Uint8Array> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const encoder = createRowEncoder(releaseExport.options);
  const pages = readExportPages(db, releaseExport.selection, pageSize);
  let sentRows = 0;
  // A client that hangs up mid-page cancels the stream while that page is still being read.
  let isCancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const header = encoder.start();
        if (header.length > 0) controller.enqueue(header);
      },
      async pull(controller) {
        try {
          const page = await pages.next();
          if (isCancelled) return;
          if (page.done) return finish(controller);
          sentRows += page.value.count;
          controller.enqueue(encoder.encodePage(page.value));
          options.onRows?.(sentRows);
        } catch (error) {
          if (isCancelled) return;
          logger.error({ err: error, releaseId: releaseExport.selection.releaseId }, "release export stream failed");
          controller.error(error);
        }
      },
      async cancel() {
        isCancelled = true;
        await pages.return(undefined);
      },
    },
    new CountQueuingStrategy({ highWaterMark: 1 }),
  );

  // Only a deleted dataset can make rows vanish mid-download; fail the transfer so it is not taken as whole.
  function finish(controller: ReadableStreamDefaultController<Uint8Array>) {
    if (sentRows !== releaseExport.rowCount) {
      return controller.error(new Error(`release ${releaseExport.selection.releaseNumber} ended after ${sentRows} of ${releaseExport.rowCount} rows`));
    }
    const footer = encoder.finish();
    if (footer.length > 0) controller.enqueue(footer);
    controller.close();
  }
}
