import { Badge } from "@/components/ui/badge";
import type { QueueItemState } from "@/server/queues/schema";
import type { GoldMethod } from "@/server/resolution/schema";

const methodTitles: Record<GoldMethod, string> = {
  unanimous: "unanimous",
  majority: "majority vote",
  dawid_skene: "Dawid–Skene",
  adjudicated: "adjudicated",
};

/** Where an item stands, in the words a reviewer uses; resolved items also say how gold was reached. */
export function ItemStateBadge({ state, method }: { state: QueueItemState | string; method?: GoldMethod | string | null }) {
  switch (state) {
    case "conflict":
      return <Badge tone="red">conflict</Badge>;
    case "resolved":
      return <Badge tone="green">resolved{method ? ` · ${methodTitles[method as GoldMethod] ?? method}` : ""}</Badge>;
    case "in_review":
      return <Badge tone="blue">in review</Badge>;
    case "needs_resolution":
      return <Badge tone="gold">resolving</Badge>;
    case "skipped_out":
      return <Badge tone="neutral">skipped out</Badge>;
    default:
      return <Badge tone="neutral">{state.replace("_", " ")}</Badge>;
  }
}
