import { z } from "zod";

export const listAuditEntriesSchema = z.object({
  limit: z.number().int("limit must be a whole number").min(1, "ask for at least 1 entry").max(200, "ask for at most 200 entries").default(50),
  /** Keyset paging: only entries older than this id, the oldest one already shown. */
  cursor: z.number().int("cursor must be an audit entry id").positive("cursor must be an audit entry id").nullish(),
});
