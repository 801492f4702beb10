import { Fragment } from "react";
import { cn } from "@/components/ui/cn";
import { describeDetail, isFlatList, type DetailNode } from "./detail-tree";

function DetailValue({ node, depth }: { node: DetailNode; depth: number }) {
  switch (node.kind) {
    case "empty":
      return <span className="text-zinc-500">none</span>;
    case "text":
      return <span className={cn("break-words whitespace-pre-wrap", node.isCode && "font-mono text-[11px] break-all")}>{node.text}</span>;
    case "list":
      if (isFlatList(node.items)) {
        return (
          <span className="break-words">
            {node.items.map((item, index) => (
              <Fragment key={index}>
                {index > 0 && ", "}
                <DetailValue node={item} depth={depth} />
              </Fragment>
            ))}
          </span>
        );
      }
      return (
        <ol className="list-decimal space-y-1 pl-4">
          {node.items.map((item, index) => (
            <li key={index}>
              <DetailValue node={item} depth={depth + 1} />
            </li>
          ))}
        </ol>
      );
    case "map":
      return (
        <dl className={cn("grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5", depth > 0 && "border-l border-zinc-200 pl-3")}>
          {node.entries.map((entry) => (
            <Fragment key={entry.key}>
              <dt className="text-zinc-500">{entry.label}</dt>
              <dd className="min-w-0 text-zinc-800">
                <DetailValue node={entry.value} depth={depth + 1} />
              </dd>
            </Fragment>
          ))}
        </dl>
      );
  }
}

/** An audit entry's data as nested key/value lists, long values wrapped; a dash when it has none. */
export function AuditDetails({ data }: { data: unknown }) {
  const tree = describeDetail(data);
  if (tree.kind === "empty") return <span className="text-zinc-500">—</span>;
  return (
    <div className="text-xs">
      <DetailValue node={tree} depth={0} />
    </div>
  );
}
