import { describe, expect, it } from "vitest";
import { navItems } from "@/components/shell/nav-items";
import { hasAnyRole, projectRoles } from "@/server/auth/roles";
import { hintForRole } from "./role-hint";

describe("overview hint per role", () => {
  it("tells annotators and leads how to review, and never tells ML users to", () => {
    expect(hintForRole("annotator", 2).body).toContain("Start reviewing");
    expect(hintForRole("lead", 2).body).toContain("Conflicts");
    for (const queueCount of [0, 2]) {
      const ml = hintForRole("ml", queueCount);
      expect(`${ml.title} ${ml.body}`).not.toMatch(/reviewing|review items/i);
      expect(ml.action?.path).toBe("/datasets");
    }
  });

  it("counts queues in words that fit", () => {
    expect(hintForRole("annotator", 1).title).toBe("1 queue to review");
    expect(hintForRole("annotator", 3).title).toBe("3 queues to review");
    expect(hintForRole("annotator", 0).action).toBeUndefined();
  });

  it("only points a role at pages it can open, with the shortcut the navigation gives them", () => {
    for (const role of projectRoles) {
      for (const queueCount of [0, 1]) {
        const action = hintForRole(role, queueCount).action;
        if (!action?.keys) continue;
        const item = navItems.find((candidate) => candidate.path === action.path);
        expect(item, `${role} → ${action.path}`).toBeDefined();
        expect(item!.roles === null || hasAnyRole(role, item!.roles)).toBe(true);
        expect(action.keys).toEqual(["g", item!.shortcut]);
      }
    }
  });
});
