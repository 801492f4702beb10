/**
 * A heatmap cell's colour for a κ value: white at 0 (chance) to deep gold at 1, red below chance. Inline
 * colours because the scale is continuous; null (too few shared items) is a neutral grey.
 */
export function colorForKappa(value: number | null): string {
  if (value === null) return "#f4f4f5";
  const opacity = (share: number, floor: number, span: number) => (Math.min(1, share) * span + floor).toFixed(2);
  if (value < 0) return `rgba(220, 38, 38, ${opacity(-value, 0.15, 0.6)})`;
  return `rgba(202, 138, 4, ${opacity(value, 0.05, 0.75)})`;
}

/**
 * Every cell's number is dark: white text on even the deepest gold or red falls below WCAG AA's 4.5:1,
 * while zinc-900 stays above it on every colour of the scale (kappa-color.test.ts checks both ends).
 */
export const KAPPA_TEXT_COLOR = "#18181b";
