import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { MAX_INGEST_BATCH } from "@/server/ingest/schema";
import { ingestOutputs, type IngestSource } from "@/server/ingest/service";
import { logger } from "@/server/lib/logger";
import { parseInput } from "@/server/lib/validation";
import { toAttributes } from "./attributes";
import { normalizeId } from "./ids";
import { mapSpan } from "./map-span";
import type { PartialSuccess } from "./protobuf";
import { exportTraceRequestSchema, spanSchema } from "./schema";

export type OtlpExportSummary = { created: number; duplicate: number; rejected: number; skipped: number };
export type OtlpExportResult = { summary: OtlpExportSummary; partialSuccess: PartialSuccess | null };

/** `order` is the span's place in the request, so the message lists rejections in the order the spans came. */
type Rejection = { order: number; span: string; reason: string };
type Candidate = { order: number; span: string; item: Record<string, unknown>; warnings: string[] };

/** How many rejections the partial-success message spells out; the count covers them all. */
const REASONS_SHOWN = 5;

/** The first REASONS_SHOWN lines joined, and how many more there are. */
function spellOut(lines: readonly string[]): string {
  const more = lines.length > REASONS_SHOWN ? `; and ${lines.length - REASONS_SHOWN} more` : "";
  return `${lines.slice(0, REASONS_SHOWN).join("; ")}${more}`;
}

function describeRejections(rejections: readonly Rejection[], total: number): string {
  return `${rejections.length} of ${total} spans rejected: ${spellOut(rejections.map(({ span, reason }) => `${span} ${reason}`))}`;
}

/** Reads every span of the request: skipped (not an LLM call), rejected with a reason, or an ingest item. */
function collectSpans(body: unknown): { candidates: Candidate[]; rejections: Rejection[]; skipped: number; total: number } {
  const request = parseInput(exportTraceRequestSchema, body);
  const candidates: Candidate[] = [];
  const rejections: Rejection[] = [];
  let skipped = 0;
  let total = 0;
  request.resourceSpans.forEach((resourceSpans, r) => {
    const resource = toAttributes(resourceSpans.resource?.attributes ?? []);
    resourceSpans.scopeSpans.forEach((scopeSpans, s) => {
      scopeSpans.spans.forEach((raw, index) => {
        total += 1;
        const parsed = spanSchema.safeParse(raw);
        const position = `resourceSpans[${r}].scopeSpans[${s}].spans[${index}]`;
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          rejections.push({ order: total, span: position, reason: `is malformed: ${issue?.path.map(String).join(".") || "span"}: ${issue?.message}` });
          return;
        }
        const span = `${position} (span ${normalizeId(parsed.data.spanId, 8) ?? parsed.data.spanId})`;
        const outcome = mapSpan(parsed.data, { resource, scopeName: scopeSpans.scope?.name });
        if (outcome.kind === "skipped") skipped += 1;
        else if (outcome.kind === "rejected") rejections.push({ order: total, span, reason: outcome.reason });
        else candidates.push({ order: total, span, item: outcome.item, warnings: outcome.warnings });
      });
    });
  });
  return { candidates, rejections, skipped, total };
}

/**
 * Ingests an OTLP trace export: each LLM span becomes one output through ingestOutputs (validation,
 * dedupe on `otlp-<trace>-<span>`, sampling), other spans are skipped. Rejected spans are counted in an
 * OTLP partial success whose message names each span and why; a re-sent span is a duplicate, not a rejection.
 */
export async function ingestOtlpTraces(db: Kysely<DB>, source: IngestSource, body: unknown): Promise<OtlpExportResult> {
  const { candidates, rejections, skipped, total } = collectSpans(body);
  const summary: OtlpExportSummary = { created: 0, duplicate: 0, rejected: 0, skipped };
  for (let start = 0; start < candidates.length; start += MAX_INGEST_BATCH) {
    const batch = candidates.slice(start, start + MAX_INGEST_BATCH);
    const { results } = await ingestOutputs(db, source, batch.map((candidate) => candidate.item));
    for (const result of results) {
      if (result.status !== "rejected") {
        summary[result.status] += 1;
        continue;
      }
      // The ingest field reads `outputs[3].input.0.role`; the span is named already, so keep the part inside it.
      const field = result.field.replace(/^outputs\[\d+\]\.?/, "") || "span";
      const { order, span } = batch[result.index]!;
      rejections.push({ order, span, reason: `was refused at ingest: ${field}: ${result.reason}` });
    }
  }
  summary.rejected = rejections.length;
  rejections.sort((a, b) => a.order - b.order);
  logger.debug({ projectId: source.projectId, apiKeyId: source.apiKeyId, ...summary }, "OTLP spans ingested");
  if (rejections.length > 0) return { summary, partialSuccess: { rejectedSpans: rejections.length, errorMessage: describeRejections(rejections, total) } };
  // OTLP reads a partial success with nothing rejected and a message as warnings.
  const warned = candidates.filter((candidate) => candidate.warnings.length > 0);
  return { summary, partialSuccess: warned.length > 0 ? { rejectedSpans: 0, errorMessage: describeWarnings(warned) } : null };
}

function describeWarnings(warned: readonly Candidate[]): string {
  return `stored with warnings: ${spellOut(warned.map(({ span, warnings }) => `${span}: ${warnings.join(", ")}`))}`;
}
