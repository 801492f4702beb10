import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { reevaluateOpenItems } from "@/server/resolution/reevaluate";
import { refitQueue } from "@/server/truth/refit-service";
import type { CrowdImportPolicy } from "./service";

/**
 * Resolves an imported queue's open items by its policy. Dawid–Skene: refit the queue's model, which
 * decides the open items under the new fit (and flags gold it disagrees with); majority: decide them by
 * the queue's majority threshold. Items that do not reach gold become conflicts for a lead.
 */
export async function resolveImportedQueue(db: Kysely<DB>, params: { projectId: string; queueId: string; policy: CrowdImportPolicy }) {
  if (params.policy === "ds") {
    const refit = await refitQueue(db, { projectId: params.projectId, queueId: params.queueId });
    return { resolved: refit.reevaluated?.resolved ?? 0, conflicts: refit.reevaluated?.conflicts ?? 0, fits: refit.fields };
  }
  const reevaluated = await reevaluateOpenItems(db, { projectId: params.projectId, queueId: params.queueId });
  return { ...reevaluated, fits: [] };
}
