import { z } from "zod";

export const projectRoles = ["annotator", "lead", "ml", "admin"] as const;
export const projectRoleSchema = z.enum(projectRoles);
export type ProjectRole = z.infer<typeof projectRoleSchema>;

/** What each role is for, shown next to role pickers. */
export const projectRoleDescriptions: Record<ProjectRole, string> = {
  annotator: "Reviews and corrects queued outputs.",
  lead: "Everything an annotator does, plus resolving conflicts and owning the rubric.",
  ml: "Defines and pulls datasets, subscribes to events and alerts.",
  admin: "Everything, plus members, API keys and project settings.",
};

/** Roles implied by holding a role: a lead can do what an annotator can; an admin can do everything. */
const impliedRoles: Record<ProjectRole, readonly ProjectRole[]> = {
  annotator: ["annotator"],
  lead: ["lead", "annotator"],
  ml: ["ml"],
  admin: projectRoles,
};

/** True when a member with `role` may act as any of `allowed`. */
export function hasAnyRole(role: ProjectRole, allowed: readonly ProjectRole[]): boolean {
  return impliedRoles[role].some((held) => allowed.includes(held));
}
