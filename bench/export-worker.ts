// One side of bench/export.ts in a process of its own, so its peak RSS is its own: either the app's export
// path for one format (server/datasets/export.ts, exactly as the pull route streams it) or COPY of the same
// JSONL text. Reads every byte as a client would and reports time, bytes, rows and peak RSS over IPC.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { createDatabase } from "../db";
import { prepareReleaseExport, streamReleaseExport } from "../server/datasets/export";
import type { ExportFormat } from "../server/datasets/formats/schema";

export type WorkerJob = { side: "copy" | ExportFormat; projectId: string; slug: string; release: number; releaseId: number };
/** Peak RSS of the whole process (with the ~110 MB of Node, tsx and the app's modules), and the V8 heap's peak size. */
export type WorkerResult = { side: string; ms: number; bytes: number; rows: number; peakRssMb: number; peakHeapMb: number };

const url = process.env.DATABASE_URL!;

/**
 * The JSONL lines of a release as the app renders them (server/datasets/formats/queries.ts), through COPY.
 * CSV mode with quote and delimiter bytes that JSON text never holds writes each line unescaped, so the
 * bytes match the app's JSONL byte for byte.
 */
async function copyRelease(job: WorkerJob): Promise<{ bytes: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let bytes = 0;
  try {
    const statement = `copy (
      select to_json(line)::text
      from release_rows as cur
      cross join lateral (
        select ${job.release}::int as release, cur.external_id, cur.input, cur.original_output as output, cur.label, cur.correction, cur.method, cur.confidence,
          cur.split, cur.schema_version, cur.queue_name as queue, cur.lineage
      ) as line
      where cur.project_id = '${job.projectId}' and cur.release_id = ${job.releaseId}
      order by cur.position
    ) to stdout with (format csv, quote e'\\x01', delimiter e'\\x02')`;
    await pipeline(
      client.query(copyTo(statement)),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done();
        },
      }),
    );
  } finally {
    await client.end();
  }
  return { bytes, rows: -1 };
}

async function exportRelease(job: WorkerJob & { side: ExportFormat }): Promise<{ bytes: number; rows: number }> {
  const db = createDatabase(url, { maxConnections: 2 });
  try {
    const options = { format: job.side, split: null, since: null, dpoStyle: "trl" as const };
    const releaseExport = await prepareReleaseExport(db, { projectId: job.projectId, slug: job.slug, release: job.release, options });
    let bytes = 0;
    const reader = streamReleaseExport(db, releaseExport).getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.length;
    return { bytes, rows: releaseExport.rowCount };
  } finally {
    await db.destroy();
  }
}

process.once("message", async (job: WorkerJob) => {
  const peak = { heapTotal: 0 };
  const sampler = setInterval(() => {
    peak.heapTotal = Math.max(peak.heapTotal, process.memoryUsage().heapTotal);
  }, 100);
  const start = performance.now();
  const { bytes, rows } = job.side === "copy" ? await copyRelease(job) : await exportRelease({ ...job, side: job.side });
  const ms = performance.now() - start;
  clearInterval(sampler);
  const result: WorkerResult = { side: job.side, ms, bytes, rows, peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peak.heapTotal / 1e6 };
  process.send?.(result, () => process.exit(0));
});
