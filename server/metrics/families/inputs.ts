import { sql } from "kysely";
import { entropyBits, finiteOrNull, log2Histogram, share, type MetricRow } from "../points";
import { inWindows, windowOf } from "../window-sql";
import type { WindowSet } from "../windows";
import { log2BinOf } from "./log2-bin-sql";
import type { Executor } from "@/db/executor";

/** What a missing model, tag or metadata value counts as. */
export const NO_VALUE = "(none)";

/**
 * The characters of an input's text, as conversationToText reads it: the text itself, or the content of the
 * last assistant message, else of the last message.
 */
const inputTextLength = sql<number>`char_length(case jsonb_typeof(outputs.input)
  when 'string' then outputs.input #>> '{}'
  when 'array' then coalesce(
    (select message.value->>'content' from jsonb_array_elements(outputs.input) with ordinality as message(value, position)
     where message.value->>'role' = 'assistant' order by message.position desc limit 1),
    outputs.input->-1->>'content', '')
  else '' end)`;

/**
 * `inputs.feature` (subject `model`, `tag`, `meta:<key>` for each watched metadata key), `inputs.length`,
 * `signals.thumbs_down` and `signals.regenerate`, over the outputs produced in each window.
 */
export async function computeInputPoints(db: Executor, windows: WindowSet, driftMetadataKeys: readonly string[]): Promise<MetricRow[]> {
  const features = await readFeatureCounts(db, windows, driftMetadataKeys);
  const outputs = await readOutputWindows(db, windows);
  const sizes = new Map(outputs.map((row) => [row.windowStart.getTime(), row.outputs]));
  const featurePoints = new Map<string, MetricRow & { detail: { counts: Record<string, number> } }>();
  for (const row of features) {
    const key = `${row.feature}|${row.windowStart.getTime()}`;
    const point = featurePoints.get(key) ?? {
      queueId: null,
      subject: row.feature,
      metric: "inputs.feature",
      windowStart: row.windowStart,
      sampleSize: sizes.get(row.windowStart.getTime()) ?? 0,
      value: null,
      detail: { counts: {} },
    };
    point.detail.counts[row.value] = row.count;
    featurePoints.set(key, point);
  }
  for (const point of featurePoints.values()) point.value = entropyBits(point.detail.counts);
  return [
    ...featurePoints.values(),
    ...outputs.flatMap((row): MetricRow[] => {
      const base = { queueId: null, subject: "", windowStart: row.windowStart, sampleSize: row.outputs };
      return [
        { ...base, metric: "inputs.length", value: finiteOrNull(row.medianLength), detail: log2Histogram(row.lengthBins) },
        { ...base, metric: "signals.thumbs_down", value: share(row.thumbsDownOutputs, row.outputs), detail: { events: row.thumbsDownEvents } },
        { ...base, metric: "signals.regenerate", value: share(row.regenerateOutputs, row.outputs), detail: { events: row.regenerateEvents } },
      ];
    }),
  ];
}

async function readFeatureCounts(db: Executor, windows: WindowSet, driftMetadataKeys: readonly string[]) {
  const { rows } = await sql<{ windowStart: Date; feature: string; value: string; count: number }>`
    with produced as (
      select ${windowOf(sql`outputs.produced_at`, windows)} as window_start, outputs.model, outputs.tags, outputs.metadata
      from outputs where outputs.project_id = ${windows.projectId} and ${inWindows(sql`outputs.produced_at`, windows)}
    )
    select window_start as "windowStart", 'model' as feature, coalesce(model, ${NO_VALUE}) as value, count(*)::int as count from produced group by 1, 2, 3
    union all
    select window_start, 'tag', coalesce(tag, ${NO_VALUE}), count(*)::int from produced left join lateral unnest(produced.tags) as tag on true group by 1, 2, 3
    union all
    select window_start, 'meta:' || key, coalesce(produced.metadata->>key, ${NO_VALUE}), count(*)::int
    from produced cross join unnest(${[...driftMetadataKeys]}::text[]) as key group by 1, 2, 3
    -- A fixed order, so the entropy sums its terms alike on every pass, to the last bit.
    order by 1, 2, 3
  `.execute(db);
  return rows;
}

async function readOutputWindows(db: Executor, windows: WindowSet) {
  const { rows } = await sql<{
    windowStart: Date;
    outputs: number;
    medianLength: number | null;
    lengthBins: Record<string, number> | null;
    thumbsDownOutputs: number;
    thumbsDownEvents: number;
    regenerateOutputs: number;
    regenerateEvents: number;
  }>`
    with produced as (
      select id, window_start, length, ${log2BinOf(sql`length`)} as length_bin
      from (
        select outputs.id, ${windowOf(sql`outputs.produced_at`, windows)} as window_start, ${inputTextLength} as length
        from outputs where outputs.project_id = ${windows.projectId} and ${inWindows(sql`outputs.produced_at`, windows)}
      ) as measured
    ),
    events as (
      select signals.output_id,
        count(*) filter (where signals.kind = 'thumbs_down')::int as thumbs_down,
        count(*) filter (where signals.kind = 'regenerate')::int as regenerate
      from signals join produced on produced.id = signals.output_id
      where signals.project_id = ${windows.projectId} and signals.kind in ('thumbs_down', 'regenerate')
      group by 1
    )
    select produced.window_start as "windowStart", count(*)::int as outputs,
      percentile_cont(0.5) within group (order by produced.length) as "medianLength",
      (select jsonb_object_agg(bin, count) from (select bin, count(*)::int as count from unnest(array_agg(produced.length_bin)) as bin group by 1) as binned) as "lengthBins",
      count(*) filter (where events.thumbs_down > 0)::int as "thumbsDownOutputs", coalesce(sum(events.thumbs_down), 0)::int as "thumbsDownEvents",
      count(*) filter (where events.regenerate > 0)::int as "regenerateOutputs", coalesce(sum(events.regenerate), 0)::int as "regenerateEvents"
    from produced
    left join events on events.output_id = produced.id
    group by 1
  `.execute(db);
  return rows;
}
