import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";

/** The descriptive fields of an output as the review and adjudication APIs return them. */
export type OutputMetaView = {
  externalId: string;
  model: string | null;
  tags: string[];
  metadata: unknown;
  producedAt: Date | string | null;
};

function readMetadata(metadata: unknown): Array<[string, string]> {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return [];
  return Object.entries(metadata).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]);
}

/** One compact line: external id, model, when it was produced, tags, then metadata as key=value chips. */
export function OutputMeta({ output }: { output: OutputMetaView }) {
  const metadata = readMetadata(output.metadata);
  const producedAt = output.producedAt ? new Date(output.producedAt) : null;
  return (
    <dl className="flex flex-wrap items-center gap-x-4 gap-y-1.5 text-xs text-zinc-500">
      <div className="flex gap-1">
        <dt>ID</dt>
        <dd className="font-mono text-zinc-800">{output.externalId}</dd>
      </div>
      {output.model && (
        <div className="flex gap-1">
          <dt>Model</dt>
          <dd className="font-medium text-zinc-800">{output.model}</dd>
        </div>
      )}
      {producedAt && (
        <div className="flex gap-1">
          <dt>Produced</dt>
          <dd className="text-zinc-800">
            <DateTime value={producedAt} />
          </dd>
        </div>
      )}
      {output.tags.length > 0 && (
        <div className="flex items-center gap-1">
          <dt className="sr-only">Tags</dt>
          {output.tags.map((tag) => (
            <dd key={tag}>
              <Badge tone="blue">{tag}</Badge>
            </dd>
          ))}
        </div>
      )}
      {metadata.length > 0 && (
        <div className="flex flex-wrap items-center gap-1">
          <dt className="sr-only">Metadata</dt>
          {metadata.map(([key, value]) => (
            <dd key={key} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[11px] text-zinc-700">
              {key}={value}
            </dd>
          ))}
        </div>
      )}
    </dl>
  );
}
