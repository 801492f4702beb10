import { describe, expect, it } from "vitest";
import { parseDuration } from "./durations";

describe("parseDuration", () => {
  it.each([
    ["500ms", 500],
    ["5s", 5_000],
    ["1.5s", 1_500],
    ["5m", 300_000],
    ["2h", 7_200_000],
    ["5d", 432_000_000],
    [" 10h ", 36_000_000],
  ])("reads %j as %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "5", "s", "-5s", "5 s", "5w", "1e3s", "five minutes"])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});
