import { countOf } from "@/components/ui/plural";

/** How a queue's items are reviewed, in words that fit its overlap: one reviewer has no one to disagree with. */
export function describeOverlap(overlap: number): string {
  if (overlap === 1) return "Each item is reviewed by one person, and their answer becomes the gold label.";
  return `Each item is reviewed by ${countOf(overlap, "person", "people")}, who cannot see each other's answers.`;
}
