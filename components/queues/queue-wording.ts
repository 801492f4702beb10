import { countOf } from "@/components/ui/plural";

/**
 * How a queue's items are reviewed, in words that fit its overlap and mode: one reviewer has no one to
 * disagree with, with adaptive overlap (K) a disagreement brings in more people, and a collaborative queue's
 * reviewers share one answer.
 */
export function describeOverlap(overlap: number, maxOverlap: number | null = null, mode = "blind"): string {
  if (mode === "collaborative") {
    return `Each item is answered together by ${countOf(overlap, "person", "people")} on one shared answer; it is gold when all of them approve the same version.`;
  }
  const growth = maxOverlap !== null && maxOverlap > overlap ? `, and by up to ${maxOverlap} when they disagree` : "";
  if (overlap === 1) {
    return growth ? `Each item is reviewed by one person${growth}.` : "Each item is reviewed by one person, and their answer becomes the gold label.";
  }
  return `Each item is reviewed by ${countOf(overlap, "person", "people")}, who cannot see each other's answers${growth}.`;
}
