import { describe, expect, it } from "vitest";
import { assignAuthorColors, buildPresenceUser } from "./presence";

describe("author colours", () => {
  it("give every author of a document a colour of their own, keeping their name's colour where it is free", () => {
    // Find two names whose own colours are the same, as two people on one item can have.
    const names = Array.from({ length: 40 }, (_, index) => `Reviewer ${index}`);
    const first = names[0]!;
    const twin = names.find((name) => name !== first && buildPresenceUser(name).color === buildPresenceUser(first).color)!;
    expect(twin).toBeDefined();
    const colors = assignAuthorColors([first, twin, first], (name) => name);
    expect(colors.get(first)).toBe(buildPresenceUser(first).color);
    expect(colors.get(twin)).not.toBe(colors.get(first));
    expect(colors.size).toBe(2);
    // Everyone reading the same record in the same order agrees.
    expect(assignAuthorColors([first, twin], (name) => name)).toEqual(colors);
  });

  it("repeat only past the palette's eight colours", () => {
    const names = Array.from({ length: 9 }, (_, index) => `Author ${index}`);
    const colors = assignAuthorColors(names, (name) => name);
    expect(new Set([...colors.values()].slice(0, 8)).size).toBe(8);
  });
});
