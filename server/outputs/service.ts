import type { Kysely } from "kysely";
import type { Executor } from "@/db/executor";
import type { DB } from "@/db/types";
import { NotFoundError } from "@/server/lib/errors";
import { decodeOutputsCursor, encodeOutputsCursor } from "./cursor";
import { selectOutput, selectOutputGold, selectOutputQueueItems, selectOutputReleases, selectOutputSignals, selectSessionTurns } from "./lineage-queries";
import { selectOutputsPage, turnOffJit } from "./list-queries";
import type { ListOutputsInput } from "./schema";

/** How many turns of a thread the detail view lists. */
const MAX_THREAD_TURNS = 100;

/**
 * One page of the project's outputs, newest first, with the cursor of the next page (null on the last).
 * `withContent` adds the full input and output (the REST API); the browser shows previews only.
 */
export async function listOutputs(db: Kysely<DB>, projectId: string, input: ListOutputsInput, options: { withContent: boolean }) {
  const { cursor, limit, ...filters } = input;
  const position = cursor === undefined ? null : decodeOutputsCursor(cursor);
  const rows = await db.transaction().execute(async (trx) => {
    await turnOffJit(trx);
    return selectOutputsPage(trx, { projectId, filters, cursor: position, limit, withContent: options.withContent });
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const hasMore = rows.length > limit && last !== undefined;
  return {
    outputs: page.map(({ producedAtText: _cursorTime, metadata, redactionCounts, ...row }) => ({
      ...row,
      metadata: metadata as Record<string, unknown>,
      redactionCounts: redactionCounts as Record<string, number>,
    })),
    nextCursor: hasMore ? encodeOutputsCursor({ producedAt: last.producedAtText, id: last.id }) : null,
  };
}
export type OutputsPage = Awaited<ReturnType<typeof listOutputs>>;

/**
 * An output with its lineage: production signals, the queues it is in (state, how it got there), the
 * answers given on it, its gold labels and the releases that ship it. 404 when the project has no such output.
 */
export async function getOutputLineage(db: Executor, projectId: string, key: { externalId: string } | { id: number }) {
  const output = await selectOutput(db, projectId, key);
  if (!output) throw new NotFoundError("no output with this id in the project", { field: "externalId" in key ? "external_id" : "outputId" });
  const [signals, queueItems, releases] = await Promise.all([
    selectOutputSignals(db, projectId, output.id),
    selectOutputQueueItems(db, projectId, output.id),
    selectOutputReleases(db, projectId, output.id),
  ]);
  const gold = await selectOutputGold(
    db,
    projectId,
    queueItems.map((item) => item.id),
  );
  return {
    output: { ...output, metadata: output.metadata as Record<string, unknown>, redactionCounts: output.redactionCounts as Record<string, number> },
    signals,
    queueItems,
    annotationCount: queueItems.reduce((sum, item) => sum + item.annotationCount, 0),
    gold: gold.map((label) => ({ ...label, values: label.values as Record<string, unknown> })),
    releases,
  };
}
export type OutputLineage = Awaited<ReturnType<typeof getOutputLineage>>;

/** The detail page: an output's lineage and, when it belongs to a session, the other turns of that thread. */
export async function getOutputWithThread(db: Executor, projectId: string, outputId: number) {
  const lineage = await getOutputLineage(db, projectId, { id: outputId });
  const sessionId = lineage.output.sessionId;
  const thread = sessionId === null ? [] : await selectSessionTurns(db, projectId, sessionId, MAX_THREAD_TURNS);
  return { ...lineage, thread };
}
