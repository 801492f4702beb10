import type { QueueItemState } from "@/server/queues/schema";

export const assignmentStates = ["active", "submitted", "skipped", "expired"] as const;
export type AssignmentState = (typeof assignmentStates)[number];

/** For `$narrowType` on queries selecting a state column as `state`: the database checks the values. */
export type WithItemState = { state: QueueItemState };
export type WithAssignmentState = { state: AssignmentState };
