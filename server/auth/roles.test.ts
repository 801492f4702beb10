import { describe, expect, it } from "vitest";
import { hasAnyRole } from "./roles";

describe("hasAnyRole", () => {
  it("lets leads act as annotators but not the other way round", () => {
    expect(hasAnyRole("lead", ["annotator"])).toBe(true);
    expect(hasAnyRole("annotator", ["lead"])).toBe(false);
  });

  it("keeps ml separate from the review ladder", () => {
    expect(hasAnyRole("ml", ["annotator", "lead"])).toBe(false);
    expect(hasAnyRole("lead", ["ml"])).toBe(false);
  });

  it("lets admins act as anyone", () => {
    expect(hasAnyRole("admin", ["ml"])).toBe(true);
    expect(hasAnyRole("admin", ["annotator"])).toBe(true);
  });
});
