import type { OutputLineage, OutputsPage } from "./service";

/**
 * The REST shapes of `GET /api/v1/outputs[/{external_id}]`: snake_case, as ingest takes them. A public
 * contract: add fields, never rename them.
 */
const iso = (date: Date | null) => (date === null ? null : date.toISOString());

type ListedOutput = OutputsPage["outputs"][number];

/** The fields a listed output and an output's lineage share. */
function toRestOutputFields(output: Omit<ListedOutput, "signalKinds" | "inputPreview" | "outputPreview">) {
  return {
    external_id: output.externalId,
    trace_id: output.traceId,
    session_id: output.sessionId,
    end_user_id: output.endUserId,
    model: output.model,
    tags: output.tags,
    metadata: output.metadata,
    consent: output.consent,
    input: output.input,
    output: output.output,
    redaction_counts: output.redactionCounts,
    produced_at: iso(output.producedAt),
    received_at: iso(output.createdAt),
  };
}

function toRestOutput(output: ListedOutput) {
  return { ...toRestOutputFields(output), signal_kinds: output.signalKinds };
}

export function toRestOutputsPage(page: OutputsPage) {
  return { data: page.outputs.map(toRestOutput), next_cursor: page.nextCursor, has_more: page.nextCursor !== null };
}

export function toRestOutputLineage(lineage: OutputLineage) {
  const { output } = lineage;
  return {
    ...toRestOutputFields(output),
    candidates: output.candidates,
    suggestion: output.suggestion,
    signals: lineage.signals.map((signal) => ({ kind: signal.kind, value: signal.value, comment: signal.comment, end_user_id: signal.endUserId, occurred_at: iso(signal.occurredAt) })),
    queue_items: lineage.queueItems.map((item) => ({
      queue_id: item.queueId,
      queue: item.queueName,
      state: item.state,
      provenance: item.provenance,
      inclusion_probability: item.inclusionProbability,
      is_holdout: item.isHoldout,
      annotation_count: item.annotationCount,
      queued_at: iso(item.createdAt),
      resolved_at: iso(item.resolvedAt),
    })),
    annotation_count: lineage.annotationCount,
    gold: lineage.gold.map((label) => ({
      gold_label_id: label.id,
      queue_id: label.queueId,
      queue: label.queueName,
      label: label.values,
      correction: label.correction,
      method: label.method,
      confidence: label.confidence,
      created_at: iso(label.createdAt),
    })),
    releases: lineage.releases.map((release) => ({
      dataset: release.datasetSlug,
      dataset_name: release.datasetName,
      release: release.releaseNumber,
      split: release.split,
      queue: release.queueName,
      published_at: iso(release.publishedAt),
    })),
  };
}
