import type { AuthorsByClient } from "@/components/collab/authorship-marks";
import { assignAuthorColors } from "@/components/collab/presence";
import type { LegendAuthor } from "./authors-legend";

type RecordedAuthor = { clientId: number; userId: string; name: string };

/**
 * The server's record of who wrote with which client id, as the editor's marks (by client id) and the
 * legend (one entry per person), each person in a colour of their own (the page gives their cursor the same).
 */
export function toSharedAuthors(recorded: readonly RecordedAuthor[]): { byClient: AuthorsByClient; legend: LegendAuthor[] } {
  const byClient = new Map<number, { name: string; color: string }>();
  const legend = new Map<string, LegendAuthor>();
  const names = new Map(recorded.map((author) => [author.userId, author.name]));
  const colors = assignAuthorColors(
    recorded.map((author) => author.userId),
    (userId) => names.get(userId) ?? "",
  );
  for (const author of recorded) {
    const color = colors.get(author.userId)!;
    byClient.set(author.clientId, { name: author.name, color });
    if (!legend.has(author.userId)) legend.set(author.userId, { userId: author.userId, name: author.name, color });
  }
  return { byClient, legend: [...legend.values()] };
}
