import { sql } from "kysely";
import type { Json } from "@/db/types";
import { conversationToText } from "@/server/items/conversation-text";
import { computeDistinctN } from "@/server/quality";
import { countNearDuplicates } from "../near-duplicates";
import { finiteOrNull, share, type MetricRow } from "../points";
import { inWindows, windowOf } from "../window-sql";
import type { WindowSet } from "../windows";
import type { Executor } from "@/db/executor";

/** Outputs read per window: distinct-n and the pairwise near-duplicate check stay cheap on any window. */
export const DIVERSITY_SAMPLE_SIZE = 500;
/** Mixed into the hash that orders the sample, so the same window always samples the same outputs. */
const SAMPLE_SEED = "goldloop-diversity-1";

/**
 * `outputs.distinct2` and `outputs.near_duplicate_rate` over a seeded sample of at most 500 outputs produced
 * in the window (ordered by a hash of the output id), read oldest first so "earlier" means produced earlier.
 */
export async function computeDiversityPoints(db: Executor, windows: WindowSet): Promise<MetricRow[]> {
  const { rows } = await sql<{ windowStart: Date; output: Json; population: number }>`
    select sampled.window_start as "windowStart", outputs.output, sampled.population
    from (
      select outputs.id, outputs.produced_at, ${windowOf(sql`outputs.produced_at`, windows)} as window_start,
        count(*) over (partition by ${windowOf(sql`outputs.produced_at`, windows)})::int as population,
        row_number() over (partition by ${windowOf(sql`outputs.produced_at`, windows)} order by md5(outputs.id::text || ${SAMPLE_SEED})) as draw
      from outputs where outputs.project_id = ${windows.projectId} and ${inWindows(sql`outputs.produced_at`, windows)}
    ) as sampled
    join outputs on outputs.id = sampled.id and outputs.project_id = ${windows.projectId}
    where sampled.draw <= ${DIVERSITY_SAMPLE_SIZE}
    order by sampled.window_start, sampled.produced_at, sampled.id
  `.execute(db);
  const samples = new Map<number, { windowStart: Date; population: number; texts: string[] }>();
  for (const row of rows) {
    const sample = samples.get(row.windowStart.getTime()) ?? { windowStart: row.windowStart, population: row.population, texts: [] };
    sample.texts.push(conversationToText(row.output));
    samples.set(row.windowStart.getTime(), sample);
  }
  return [...samples.values()].flatMap(({ windowStart, population, texts }): MetricRow[] => {
    const duplicates = countNearDuplicates(texts);
    const base = { queueId: null, subject: "", windowStart, sampleSize: texts.length };
    return [
      { ...base, metric: "outputs.distinct2", value: finiteOrNull(computeDistinctN(texts, 2).value), detail: { distinct1: finiteOrNull(computeDistinctN(texts, 1).value), population } },
      { ...base, metric: "outputs.near_duplicate_rate", value: share(duplicates, texts.length), detail: { duplicates, population } },
    ];
  });
}
