/** How outputs reach a queue, with a request a developer can paste. */
export function IngestHint({ publicUrl }: { publicUrl: string }) {
  const example = `curl -X POST ${publicUrl}/api/v1/outputs \\
  -H "Authorization: Bearer $GOLDLOOP_INGEST_KEY" -H "Content-Type: application/json" \\
  -d '{"outputs":[{"external_id":"chat-123","model":"support-bot-v2","tags":["billing"],
       "input":[{"role":"user","content":"How do I get a refund?"}],
       "output":"You can request a refund from Settings → Billing."}]}'`;
  return (
    <div className="text-left">
      <p>
        Your app posts what the model produced to <code className="rounded bg-zinc-100 px-1 text-xs">/api/v1/outputs</code> with an API key that has
        the <code className="rounded bg-zinc-100 px-1 text-xs">ingest</code> scope. Each output that matches a queue&apos;s rule is sampled into it
        as it arrives; a backfill applies the rule to outputs already stored.
      </p>
      <pre className="mt-3 overflow-x-auto rounded-lg bg-zinc-900 p-3 font-mono text-[11px] leading-relaxed text-zinc-100">{example}</pre>
    </div>
  );
}
