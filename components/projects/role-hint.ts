import { countOf } from "@/components/ui/plural";
import type { ProjectRole } from "@/server/auth/roles";

/** The overview's next step for one member: only what their role can do, and where to do it. */
export type RoleHint = { title: string; body: string; action?: { label: string; path: string; keys?: [string, string] } };

/** What a member of `role` does next in a project with `queueCount` queues. */
export function hintForRole(role: ProjectRole, queueCount: number): RoleHint {
  switch (role) {
    case "annotator":
      return queueCount > 0
        ? {
            title: `${countOf(queueCount, "queue")} to review`,
            body: "Open a queue and press Start reviewing; the next item is always ready. On the review page 1–9 pick a label, E edits the correction, Enter submits and ? lists every shortcut.",
            action: { label: "Open queues", path: "/queues", keys: ["g", "q"] },
          }
        : {
            title: "Nothing to review yet",
            body: "When a lead creates a review queue and outputs start arriving, the items waiting for you appear under Queues. Press ? to see the keyboard shortcuts.",
          };
    case "lead":
      return queueCount > 0
        ? {
            title: "Settle conflicts, and review",
            body: "When reviewers disagree, the item waits for you under Conflicts: compare their answers side by side, pick the gold label and edit the correction live with them. You can review items yourself from Queues too.",
            action: { label: "Settle conflicts", path: "/conflicts", keys: ["g", "c"] },
          }
        : {
            title: "Create the first review queue",
            body: "A queue samples the production outputs worth a human look and asks your reviewers to label them. Create one, then ask an admin to invite annotators.",
            action: { label: "Create a queue", path: "/queues/new" },
          };
    case "ml":
      return {
        title: "Ship gold as datasets",
        body: "A dataset gathers the gold labels of review queues into numbered, frozen releases. Define one, publish a release, and pull it over HTTP with an API key that has the datasets:read scope.",
        action: { label: "Open datasets", path: "/datasets", keys: ["g", "d"] },
      };
    case "admin":
      return {
        title: "The loop is set up",
        body: "Manage who works here under Members, the keys your apps use under API keys, and see every change in the Audit log. Admins can also review, settle conflicts and publish datasets.",
        action: { label: "Open members", path: "/members", keys: ["g", "m"] },
      };
  }
}
