import type { AuthorsByClient } from "@/components/collab/authorship-marks";
import { buildPresenceUser } from "@/components/collab/presence";
import type { LegendAuthor } from "./authors-legend";

type RecordedAuthor = { clientId: number; userId: string; name: string };

/**
 * The server's record of who wrote with which client id, as the editor's marks (by client id) and the
 * legend (one entry per person). A person's colour is their cursor colour, so marks and cursors agree.
 */
export function toSharedAuthors(recorded: readonly RecordedAuthor[]): { byClient: AuthorsByClient; legend: LegendAuthor[] } {
  const byClient = new Map<number, { name: string; color: string }>();
  const legend = new Map<string, LegendAuthor>();
  for (const author of recorded) {
    const { color } = buildPresenceUser(author.name);
    byClient.set(author.clientId, { name: author.name, color });
    if (!legend.has(author.userId)) legend.set(author.userId, { userId: author.userId, name: author.name, color });
  }
  return { byClient, legend: [...legend.values()] };
}
