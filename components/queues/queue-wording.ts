import { countOf } from "@/components/ui/plural";

/**
 * How a queue's items are reviewed, in words that fit its overlap: one reviewer has no one to disagree with,
 * and with adaptive overlap (K) a disagreement brings in more people.
 */
export function describeOverlap(overlap: number, maxOverlap: number | null = null): string {
  const growth = maxOverlap !== null && maxOverlap > overlap ? `, and by up to ${maxOverlap} when they disagree` : "";
  if (overlap === 1) {
    return growth ? `Each item is reviewed by one person${growth}.` : "Each item is reviewed by one person, and their answer becomes the gold label.";
  }
  return `Each item is reviewed by ${countOf(overlap, "person", "people")}, who cannot see each other's answers${growth}.`;
}
