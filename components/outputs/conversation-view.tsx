"use client";

import { useState } from "react";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { chatMessageSchema, type ChatMessage } from "@/server/ingest/schema";
import { CandidatesView, readCandidates } from "./candidates-view";
import { Markdown } from "./markdown";

const messagesSchema = z.array(chatMessageSchema);

type RoleTone = "neutral" | "gold" | "green" | "blue";
const roleTones: Record<ChatMessage["role"], RoleTone> = { user: "blue", assistant: "gold", system: "neutral", developer: "neutral", tool: "green" };

/** A stored prompt or completion as text, as chat messages, or (for rows written before validation) raw JSON. */
function readConversation(value: unknown): { kind: "text"; text: string } | { kind: "messages"; messages: ChatMessage[] } | { kind: "raw"; json: string } {
  if (typeof value === "string") return { kind: "text", text: value };
  const parsed = messagesSchema.safeParse(value);
  if (parsed.success) return { kind: "messages", messages: parsed.data };
  return { kind: "raw", json: JSON.stringify(value, null, 2) ?? "" };
}

/** Model or user text: rendered as Markdown, or exactly as stored, character for character. */
function MessageText({ text, isRaw, className }: { text: string; isRaw: boolean; className?: string }) {
  if (isRaw) return <pre className={cn("font-mono text-[13px] leading-relaxed break-words whitespace-pre-wrap text-zinc-800", className)}>{text}</pre>;
  return <Markdown className={className}>{text}</Markdown>;
}

function MessageItem({ message, isRaw }: { message: ChatMessage; isRaw: boolean }) {
  const header = (
    <span className="flex items-center gap-2">
      <Badge tone={roleTones[message.role]}>{message.role}</Badge>
      {message.name && <span className="text-xs text-zinc-500">{message.name}</span>}
    </span>
  );
  // System and developer prompts are long and the same on every item, so they start folded.
  if (message.role === "system" || message.role === "developer") {
    return (
      <li>
        <details className="group">
          <summary className="cursor-pointer list-none rounded-md py-1 text-xs text-zinc-500 hover:text-zinc-800 [&::-webkit-details-marker]:hidden">
            <span className="flex items-center gap-2">
              {header}
              <span className="group-open:hidden">show prompt</span>
            </span>
          </summary>
          <MessageText isRaw={isRaw} className="mt-2 rounded-lg bg-zinc-50 p-3" text={message.content} />
        </details>
      </li>
    );
  }
  return (
    <li className="space-y-1.5">
      {header}
      <MessageText isRaw={isRaw} className={cn("rounded-lg p-3", message.role === "user" ? "bg-sky-50/60" : "bg-zinc-50")} text={message.content} />
    </li>
  );
}

/** Renders one side of a conversation: chat messages with role badges, or a single text; as Markdown unless `isRaw`. */
export function ConversationBody({ value, isRaw = false }: { value: unknown; isRaw?: boolean }) {
  const conversation = readConversation(value);
  switch (conversation.kind) {
    case "text":
      return <MessageText isRaw={isRaw} text={conversation.text} />;
    case "messages":
      return (
        <ol className="space-y-3">
          {conversation.messages.map((message, index) => (
            <MessageItem key={index} message={message} isRaw={isRaw} />
          ))}
        </ol>
      );
    case "raw":
      return <pre className="overflow-x-auto rounded-lg bg-zinc-50 p-3 font-mono text-xs text-zinc-700">{conversation.json}</pre>;
  }
}

export type ConversationViewProps = {
  /** The output's `input` as stored: text, or a chat messages array `{ role, content, name? }[]`. */
  input: unknown;
  /** The model's `output` as stored: text, or a chat messages array. */
  output: unknown;
  /** Heading of the output section; "Model output" unless given (for example "Original output"). */
  outputTitle?: string;
  /** The output's candidates as stored (`{ output, model? }[]`), shown side by side instead of the one output. */
  candidates?: unknown;
};

/**
 * What the model was asked and what it answered, as two labelled regions. Markdown and code are rendered,
 * raw HTML never is; "Raw text" shows every character as stored instead (Markdown would turn `__init__`
 * bold or a leading `#` into a heading, which can change what a reviewer judges).
 */
export function ConversationView({ input, output, outputTitle = "Model output", candidates }: ConversationViewProps) {
  const [isRaw, setIsRaw] = useState(false);
  const compared = readCandidates(candidates);
  return (
    <div className="space-y-5">
      <section aria-label="Input">
        <div className="mb-2 flex items-center justify-between gap-3">
          <h3 className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Input</h3>
          <button
            type="button"
            aria-pressed={isRaw}
            onClick={() => setIsRaw((current) => !current)}
            className={cn("rounded-md px-2 py-0.5 text-xs ring-1 ring-inset", isRaw ? "bg-zinc-800 text-white ring-zinc-800" : "text-zinc-600 ring-zinc-200 hover:bg-zinc-50")}
          >
            Raw text
          </button>
        </div>
        <ConversationBody value={input} isRaw={isRaw} />
      </section>
      {compared ? (
        <CandidatesView candidates={compared} renderOutput={(value) => <ConversationBody value={value} isRaw={isRaw} />} />
      ) : (
        <section aria-label={outputTitle}>
          <h3 className="mb-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">{outputTitle}</h3>
          <div className="rounded-lg bg-white p-4 ring-1 ring-gold-200">
            <ConversationBody value={output} isRaw={isRaw} />
          </div>
        </section>
      )}
    </div>
  );
}
