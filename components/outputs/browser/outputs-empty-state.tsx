import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

/** Before anything arrived: the two ways in, REST and OpenTelemetry, with commands to paste. */
export function OutputsEmptyState({ publicUrl, slug }: { publicUrl: string; slug: string }) {
  const rest = `curl -X POST ${publicUrl}/api/v1/outputs \\
  -H "Authorization: Bearer $GOLDLOOP_INGEST_KEY" -H "Content-Type: application/json" \\
  -d '{"outputs":[{"external_id":"chat-123","model":"support-bot-v2","session_id":"conv-9",
       "input":[{"role":"user","content":"How do I get a refund?"}],
       "output":"You can request a refund from Settings → Billing."}]}'`;
  const otlp = `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=${publicUrl}/api/v1/otlp/v1/traces
OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer $GOLDLOOP_INGEST_KEY"`;
  return (
    <EmptyState title="No outputs yet">
      <div className="space-y-3 text-left">
        <p>
          Outputs are what your model produced in production. Send them with an API key that has the{" "}
          <code className="rounded bg-zinc-100 px-1 text-xs">ingest</code> scope (an admin makes one under{" "}
          <Link href={`/p/${slug}/api-keys`} className="font-medium text-zinc-900 underline">
            API keys
          </Link>
          ), in batches of up to 1,000:
        </p>
        <pre className="overflow-x-auto rounded-lg bg-zinc-900 p-3 font-mono text-[11px] leading-relaxed text-zinc-100">{rest}</pre>
        <p>Or point any OpenTelemetry GenAI or OpenInference exporter at Goldloop; each LLM span becomes one output:</p>
        <pre className="overflow-x-auto rounded-lg bg-zinc-900 p-3 font-mono text-[11px] leading-relaxed text-zinc-100">{otlp}</pre>
        <p>They show up here as they arrive, and queues sample them by their rules.</p>
      </div>
    </EmptyState>
  );
}
