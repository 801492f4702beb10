"use client";

import { z } from "zod";
import { ConversationBody } from "@/components/outputs/conversation-view";
import { Badge } from "@/components/ui/badge";
import { FoldableCard } from "@/components/ui/foldable-card";
import { DateTime } from "@/components/ui/date-time";
import { countOf } from "@/components/ui/plural";
import { chatMessageSchema } from "@/server/ingest/schema";

export type ThreadTurnView = { id: number; externalId: string; input: unknown; output: unknown; producedAt: Date | string };
type EarlierTurnsProps = {
  turns: ThreadTurnView[];
  /** How many earlier turns there are; more than `turns` when only the most recent are loaded. */
  total: number;
  isOpen: boolean;
  onToggle: () => void;
  /** The key that toggles the turns on this page, shown on the button. */
  shortcut?: string;
};

const messagesSchema = z.array(chatMessageSchema);

/**
 * What the user said in a turn: its last user message. Chat apps send the whole history with every call,
 * so showing each turn's full input would repeat the conversation once per turn.
 */
function userSaid(input: unknown): unknown {
  const messages = messagesSchema.safeParse(input);
  if (!messages.success) return input;
  return messages.data.findLast((message) => message.role === "user")?.content ?? input;
}

/**
 * The turns of the conversation before the item under review, folded to one line by default: what the
 * user said and what the model answered, oldest first. Renders nothing for an output without a thread.
 */
export function EarlierTurns({ turns, total, isOpen, onToggle, shortcut }: EarlierTurnsProps) {
  if (turns.length === 0) return null;
  return (
    <FoldableCard
      title={
        <>
          Earlier in this conversation
          <span className="font-normal text-zinc-500">({countOf(total, "turn")})</span>
        </>
      }
      shortcut={shortcut}
      isOpen={isOpen}
      onToggle={onToggle}
    >
        {total > turns.length && <p className="mb-3 text-xs text-zinc-500">Showing the last {countOf(turns.length, "turn")} of {total.toLocaleString("en")}.</p>}
        <ol aria-label="Earlier turns" className="space-y-4">
          {turns.map((turn, index) => (
            <li key={turn.id} aria-label={`Turn ${total - turns.length + index + 1}`} className="space-y-2 border-l-2 border-zinc-200 pl-3">
              <p className="text-xs text-zinc-500">
                Turn {total - turns.length + index + 1} · <DateTime value={turn.producedAt} />
              </p>
              <section aria-label="User" className="space-y-1">
                <Badge tone="blue">user</Badge>
                <div className="rounded-lg bg-sky-50/60 p-3 text-sm">
                  <ConversationBody value={userSaid(turn.input)} />
                </div>
              </section>
              <section aria-label="Answer" className="space-y-1">
                <Badge tone="gold">answer</Badge>
                <div className="rounded-lg bg-zinc-50 p-3 text-sm">
                  <ConversationBody value={turn.output} />
                </div>
              </section>
            </li>
          ))}
        </ol>
    </FoldableCard>
  );
}
