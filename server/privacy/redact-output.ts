import type { IngestOutput } from "@/server/ingest/schema";
import type { RedactionCounts } from "./redact-text";
import type { Redactor } from "./redactor";

/**
 * An ingested output with its input, output and candidates (text or every chat message's content) and the project's
 * chosen metadata keys redacted, and how many matches each rule replaced. Runs before the content hash, so
 * the hash, the dedupe and every stored copy see only the redacted text.
 */
export function redactIngestOutput(output: IngestOutput, redactor: Redactor): { output: IngestOutput; counts: RedactionCounts } {
  const counts: RedactionCounts = {};
  const redacted: IngestOutput = {
    ...output,
    input: redactor.redactConversation(output.input, counts),
    output: redactor.redactConversation(output.output, counts),
    candidates: output.candidates?.map((candidate) => ({ ...candidate, output: redactor.redactConversation(candidate.output, counts) })),
    metadata: redactor.redactMetadata(output.metadata, counts),
  };
  return { output: redacted, counts };
}
