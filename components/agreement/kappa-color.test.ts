import { describe, expect, it } from "vitest";
import { colorForKappa, KAPPA_TEXT_COLOR } from "./kappa-color";

/** WCAG relative luminance of an sRGB colour given as 0–255 channels. */
function luminance([red, green, blue]: readonly number[]): number {
  const linear = (channel: number) => (channel / 255 <= 0.04045 ? channel / 255 / 12.92 : ((channel / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(red!) + 0.7152 * linear(green!) + 0.0722 * linear(blue!);
}

/** A cell's colour as drawn on the white card: rgba blended over white, or a hex grey as is. */
function drawnOnWhite(color: string): number[] {
  if (color.startsWith("#")) return [1, 3, 5].map((start) => parseInt(color.slice(start, start + 2), 16));
  const [red, green, blue, alpha] = color.match(/[\d.]+/g)!.map(Number) as [number, number, number, number];
  return [red, green, blue].map((channel) => channel * alpha + 255 * (1 - alpha));
}

function contrast(first: readonly number[], second: readonly number[]): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

describe("colorForKappa", () => {
  it("deepens gold with agreement, turns red below chance and grey without a value", () => {
    expect(colorForKappa(null)).toBe("#f4f4f5");
    expect(colorForKappa(0)).toBe("rgba(202, 138, 4, 0.05)");
    expect(colorForKappa(1)).toBe("rgba(202, 138, 4, 0.80)");
    expect(colorForKappa(-0.5)).toBe("rgba(220, 38, 38, 0.45)");
  });

  it("keeps the cell's number at WCAG AA contrast (4.5:1) on every colour of the scale", () => {
    const text = drawnOnWhite(KAPPA_TEXT_COLOR);
    for (const value of [null, -1, -0.6, 0, 0.6, 0.61, 1]) {
      expect(contrast(text, drawnOnWhite(colorForKappa(value))), `κ ${value}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
