import { once } from "node:events";
import { setImmediate as nextTurn } from "node:timers/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "@/db";
import type { NewOutput } from "./queries";
import { compileSavePlan, type PlannedQueueItem } from "./queue-item-plans";

/** An output whose id was drawn from the outputs sequence before the COPY, so nothing needs reading back. */
export type CopiedOutput = NewOutput & { id: number; producedAt: string };

/** How many queues took each output id, and the plan their items wait in (null when none was taken). */
export type QueuePlanOutcome = { queued: Map<number, number>; planId: number | null };

const COPY_COLUMNS = "id, project_id, external_id, trace_id, session_id, model, input, output, candidates, metadata, tags, end_user_id, consent, content_hash, produced_at, suggestion, redaction_counts";

// Postgres error codes after which the row path can still store the batch exactly: another writer stored
// one of these external ids after the lookup (unique violation), or two COPYs crossed (deadlock).
const RACE_CODES = new Set(["23505", "40P01"]);

const COPY_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
/** COPY's text format: backslash, tab, newline and carriage return escaped; the item schema already refused NUL. */
const copyText = (value: string) => value.replace(/[\\\t\n\r]/g, (char) => COPY_ESCAPES[char]!);
const copyNullable = (value: string | null) => (value === null ? "\\N" : copyText(value));
/** A text[] literal with every element quoted, so commas, braces and quotes inside a tag stay text. */
const arrayLiteral = (values: readonly string[]) => `{${values.map((value) => `"${value.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;

/** One output as a line of COPY text, in COPY_COLUMNS order. */
export function toCopyLine(projectId: string, row: CopiedOutput): string {
  const fields = [
    String(row.id),
    projectId,
    copyText(row.externalId),
    copyNullable(row.traceId),
    copyNullable(row.sessionId),
    copyNullable(row.model),
    copyText(row.inputJson),
    copyText(row.outputJson),
    copyNullable(row.candidatesJson),
    copyText(row.metadataJson),
    copyText(arrayLiteral(row.tags)),
    copyNullable(row.endUserId),
    row.consent ? "t" : "f",
    row.contentHash,
    row.producedAt,
    copyNullable(row.suggestionJson),
    copyText(row.redactionCountsJson),
  ];
  return `${fields.join("\t")}\n`;
}

type Prelude = { existing: [string, number][]; ids: number[] | null };

/**
 * A batch of outputs streamed into ONE transaction with COPY while the caller is still validating the rest,
 * so Node and Postgres work side by side. While the COPY opens, a second pooled connection looks the
 * batch's external ids up (index probes) and draws ids from the sequence. `finish` saves the queue items
 * as one plan and commits; a concurrent writer that stored one of the same external ids after the lookup
 * makes it roll back and answer "race", and the caller stores the batch by the row path instead, which
 * settles each item exactly.
 */
export class OutputCopy {
  private pending = "";
  private failure: Error | null = null;
  private nextIdIndex = 0;
  private storedIds: ReadonlyMap<string, number> = new Map();
  private ids: readonly number[] = [];

  private constructor(
    private readonly client: pg.PoolClient,
    private readonly stream: ReturnType<typeof copyFrom>,
    private readonly projectId: string,
  ) {
    // Listening from the start: a COPY refused while the lookup runs must not be an unhandled error event.
    stream.on("error", (error: Error) => {
      this.failure ??= error;
    });
  }

  /** Stored ids of the batch's external ids that the project already holds. */
  get existing(): ReadonlyMap<string, number> {
    return this.storedIds;
  }

  /** Opens the transaction and the COPY; `externalIds` are the batch's ids as sent, `size` how many ids it may need. */
  static async open(pool: pg.Pool, projectId: string, externalIds: readonly string[], size: number): Promise<OutputCopy> {
    const prelude = pool.query<Prelude>(
      `select
        (select coalesce(json_agg(json_build_array(o.external_id, o.id)), '[]'::json) from outputs o where o.project_id = $1 and o.external_id = any($2::text[])) as existing,
        (select json_agg(nextval(sequence.id)) from (select pg_get_serial_sequence('outputs', 'id')::regclass as id) sequence, generate_series(1, $3::int)) as ids`,
      [projectId, externalIds, size],
    );
    // Settled here so a failure is not unhandled while the COPY opens; rethrown below.
    const settled = prelude.then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    const client = await pool.connect();
    let copy: OutputCopy | undefined;
    try {
      await client.query("begin");
      copy = new OutputCopy(client, client.query(copyFrom(`copy outputs (${COPY_COLUMNS}) from stdin`)), projectId);
      const looked = await settled;
      if ("error" in looked) throw looked.error;
      const row = looked.result.rows[0]!;
      copy.storedIds = new Map(row.existing);
      copy.ids = row.ids ?? [];
      return copy;
    } catch (error) {
      if (copy) await copy.abandon(error as Error);
      else client.release(error as Error);
      throw error;
    }
  }

  /** The id the next new output is stored with. */
  takeId(): number {
    const id = this.ids[this.nextIdIndex];
    if (id === undefined) throw new Error("the batch holds more new outputs than ids were drawn for");
    this.nextIdIndex += 1;
    return id;
  }

  /** Queues one output's line; `flush` sends what is queued. */
  add(row: CopiedOutput): void {
    this.pending += toCopyLine(this.projectId, row);
  }

  /** Sends the queued lines and lets the socket drain, so Postgres inserts them while the caller goes on. */
  async flush(): Promise<void> {
    if (this.pending.length > 0 && this.failure === null) {
      const isDrained = this.stream.write(this.pending);
      this.pending = "";
      if (!isDrained) await Promise.race([once(this.stream, "drain"), once(this.stream, "error")]).catch(() => undefined);
    }
    await nextTurn();
  }

  /**
   * Ends the COPY, saves the queue items as a plan and commits. Returns the plan, or "race" when a
   * concurrent writer got to one of the external ids first (rolled back, nothing written).
   */
  async finish(db: Database, queueItems: readonly PlannedQueueItem[]): Promise<QueuePlanOutcome | "race"> {
    try {
      await this.flush();
      if (this.failure === null) {
        const finished = once(this.stream, "finish");
        this.stream.end();
        await finished.catch((error: Error) => {
          this.failure ??= error;
        });
      }
      if (this.failure === null) {
        const plan = await this.savePlan(db, queueItems);
        await this.client.query("commit");
        this.client.release();
        return plan;
      }
    } catch (error) {
      await this.abandon(error as Error);
      throw error;
    }
    // The COPY itself failed, so nothing was written.
    const failure = this.failure;
    await this.abandon(failure);
    if (RACE_CODES.has((failure as { code?: string }).code ?? "")) return "race";
    throw failure;
  }

  /** Rolls back and gives the connection back; for a caller that failed before finishing. */
  async abandon(cause: Error): Promise<void> {
    if (!this.stream.destroyed) this.stream.destroy(cause);
    try {
      await this.client.query("rollback");
      this.client.release();
    } catch (error) {
      this.client.release(error as Error);
    }
  }

  /** Saves the queue items as one plan in the transaction; answers the plan and how many queues took each output id. */
  private async savePlan(db: Database, queueItems: readonly PlannedQueueItem[]): Promise<QueuePlanOutcome> {
    const queued = new Map<number, number>();
    if (queueItems.length === 0) return { queued, planId: null };
    const { sql: text, parameters } = compileSavePlan(db, this.projectId, queueItems);
    const { rows } = await this.client.query<{ planId: number | null; outputIds: number[] }>(text, [...parameters]);
    const [{ planId, outputIds }] = rows as [{ planId: number | null; outputIds: number[] }];
    for (const outputId of outputIds) queued.set(outputId, (queued.get(outputId) ?? 0) + 1);
    return { queued, planId };
  }
}
