import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { chatMessageSchema, type ChatMessage } from "@/server/ingest/schema";
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

function MessageItem({ message }: { message: ChatMessage }) {
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
          <Markdown className="mt-2 rounded-lg bg-zinc-50 p-3">{message.content}</Markdown>
        </details>
      </li>
    );
  }
  return (
    <li className="space-y-1.5">
      {header}
      <Markdown className={cn("rounded-lg p-3", message.role === "user" ? "bg-sky-50/60" : "bg-zinc-50")}>{message.content}</Markdown>
    </li>
  );
}

/** Renders one side of a conversation: chat messages with role badges, or a single markdown text. */
export function ConversationBody({ value }: { value: unknown }) {
  const conversation = readConversation(value);
  switch (conversation.kind) {
    case "text":
      return <Markdown>{conversation.text}</Markdown>;
    case "messages":
      return (
        <ol className="space-y-3">
          {conversation.messages.map((message, index) => (
            <MessageItem key={index} message={message} />
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
};

/**
 * What the model was asked and what it answered, as two labelled regions. Markdown and code are rendered;
 * raw HTML never is. Works in server and client components alike.
 */
export function ConversationView({ input, output, outputTitle = "Model output" }: ConversationViewProps) {
  return (
    <div className="space-y-5">
      <section aria-label="Input">
        <h3 className="mb-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">Input</h3>
        <ConversationBody value={input} />
      </section>
      <section aria-label={outputTitle}>
        <h3 className="mb-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">{outputTitle}</h3>
        <div className="rounded-lg bg-white p-4 ring-1 ring-gold-200">
          <ConversationBody value={output} />
        </div>
      </section>
    </div>
  );
}
