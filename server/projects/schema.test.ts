import { describe, expect, it } from "vitest";
import { createProjectSchema, slugify } from "./schema";

describe("slugify", () => {
  it("makes URL-safe slugs from names", () => {
    expect(slugify("Support Bot (EU)")).toBe("support-bot-eu");
    expect(slugify("Crème brûlée QA")).toBe("creme-brulee-qa");
    expect(slugify("!!!")).toBe("project");
    expect(slugify("a".repeat(60) + " b")).toHaveLength(48);
  });

  it("produces slugs the schema accepts", () => {
    for (const name of ["Support Bot (EU)", "---x---", "9 lives", "word ".repeat(15)]) {
      expect(createProjectSchema.safeParse({ name, slug: slugify(name) }).success, name).toBe(true);
    }
  });
});
