/**
 * Turning a release row's stored input into the chat messages training formats want. Pure: the export
 * stream, the validators' tests and the CLI all use it.
 *
 * The mapping, as the README documents it:
 * - plain-text input is one user message;
 * - a message array keeps its system, user and assistant turns in order, `developer` becomes `system`;
 * - a `tool` turn is folded into a user message ("Tool result (name): …"): training files have no tool
 *   call to attach it to, and the model still saw the result as context;
 * - turns with empty content are dropped (OpenAI refuses empty content), and `name` is not carried;
 * - anything else (an object from an old import) is one user message holding its JSON text.
 */

export type TrainingRole = "system" | "user" | "assistant";
export type TrainingMessage = { role: TrainingRole; content: string };

type StoredMessage = { role?: unknown; content?: unknown; name?: unknown };

function toTrainingMessage(message: StoredMessage): TrainingMessage | null {
  const content = typeof message.content === "string" ? message.content : message.content === undefined || message.content === null ? "" : JSON.stringify(message.content);
  if (content === "") return null;
  switch (message.role) {
    case "system":
    case "developer":
      return { role: "system", content };
    case "assistant":
      return { role: "assistant", content };
    case "tool":
      return { role: "user", content: `Tool result${typeof message.name === "string" && message.name ? ` (${message.name})` : ""}: ${content}` };
    default:
      return { role: "user", content };
  }
}

/** The prompt messages of a stored input, by the mapping above; never empty. */
export function inputToMessages(input: unknown): TrainingMessage[] {
  if (typeof input === "string") return [{ role: "user", content: input === "" ? '""' : input }];
  if (Array.isArray(input)) {
    const messages = input.flatMap((message: unknown) => {
      const mapped = typeof message === "object" && message !== null ? toTrainingMessage(message as StoredMessage) : null;
      return mapped ? [mapped] : [];
    });
    // Every turn was empty: the raw input is still what the model was given, so it is the prompt.
    return messages.length > 0 ? messages : [{ role: "user", content: JSON.stringify(input) }];
  }
  return [{ role: "user", content: JSON.stringify(input) }];
}

