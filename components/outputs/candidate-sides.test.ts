import { describe, expect, it } from "vitest";
import { inScreenOrder, isSwappedForItem } from "./candidate-sides";

describe("candidate sides", () => {
  it("swap on every other item, so half the items show B on the left", () => {
    const swapped = Array.from({ length: 100 }, (_, index) => isSwappedForItem(index + 1)).filter(Boolean);
    expect(swapped).toHaveLength(50);
    expect(isSwappedForItem(7)).toBe(true);
    expect(isSwappedForItem(8)).toBe(false);
  });

  it("put the pair in screen order, left first", () => {
    expect(inScreenOrder(["a", "b"], false)).toEqual(["a", "b"]);
    expect(inScreenOrder(["a", "b"], true)).toEqual(["b", "a"]);
  });
});
