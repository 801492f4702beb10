import { Badge } from "@/components/ui/badge";

/** Per-rule counts of what a redaction replaced, as badges; "nothing found" when it replaced nothing. */
export function RedactionCounts({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="text-sm text-zinc-500">Nothing found to redact.</p>;
  return (
    <ul aria-label="Redaction counts" className="flex flex-wrap gap-1.5">
      {entries.map(([rule, count]) => (
        <li key={rule}>
          <Badge tone="blue">
            {rule}: {count}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
