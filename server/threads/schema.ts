import { z } from "zod";

/** The review page's thread: the caller's own assignment names the item. */
export const threadForAssignmentSchema = z.object({ assignmentId: z.number().int("assignmentId must be an assignment id").positive("assignmentId must be an assignment id") });

/** The adjudication page's thread: a lead names the item. */
export const threadForItemSchema = z.object({ queueItemId: z.number().int("queueItemId must be an item id").positive("queueItemId must be an item id") });

/** How many earlier turns a thread shows at most: the most recent ones, the count says how many there were. */
export const MAX_THREAD_TURNS = 50;
