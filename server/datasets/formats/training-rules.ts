/**
 * The published field rules of the training formats Goldloop writes, as checks that list every problem of
 * one parsed line (an empty list: the line passes). The format tests run every exported line through them,
 * and so does the webhook receiver example before it hands a file on.
 *
 * Sources:
 * - OpenAI chat fine-tuning: the file checks in OpenAI's "Data preparation and analysis for chat model
 *   fine-tuning" cookbook (known keys, known roles, string content that is not empty, at least one assistant
 *   message) and the fine-tuning guide (`weight` is 0 or 1, on assistant messages only);
 * - OpenAI preference (DPO) fine-tuning: the DPO guide (`input.messages`, and `preferred_output` and
 *   `non_preferred_output` each exactly one assistant message; one-turn examples end the input on a user turn);
 * - TRL's conversational preference format (`prompt`, `chosen`, `rejected` as lists of `{role, content}`).
 */

type Problems = string[];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], where: string): Problems {
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${where}: unknown key "${key}"`);
}

function checkMessage(message: unknown, where: string, roles: readonly string[], keys: readonly string[]): Problems {
  if (!isRecord(message)) return [`${where}: a message must be an object`];
  const problems = checkKeys(message, keys, where);
  if (typeof message.role !== "string" || !roles.includes(message.role)) problems.push(`${where}: role must be one of ${roles.join(", ")}`);
  if (typeof message.content !== "string") problems.push(`${where}: content must be a string`);
  else if (message.content.length === 0) problems.push(`${where}: content must not be empty`);
  return problems;
}

function checkMessageList(value: unknown, where: string, roles: readonly string[], keys: readonly string[] = ["role", "content"]): Problems {
  if (!Array.isArray(value)) return [`${where} must be a list of messages`];
  if (value.length === 0) return [`${where} must hold at least one message`];
  return value.flatMap((message, index) => checkMessage(message, `${where}[${index}]`, roles, keys));
}

/** OpenAI chat fine-tuning: `{messages: [...]}` ending on the one gold assistant answer. */
export function checkOpenAiChatExample(line: unknown): Problems {
  if (!isRecord(line)) return ["the line must be a JSON object"];
  const problems = checkKeys(line, ["messages", "tools", "parallel_tool_calls"], "line");
  const messages = line.messages;
  problems.push(...checkMessageList(messages, "messages", ["system", "user", "assistant"], ["role", "content", "name", "weight"]));
  if (!Array.isArray(messages) || problems.length > 0) return problems;
  const typed = messages as { role: string; weight?: unknown }[];
  typed.forEach((message, index) => {
    if (message.weight === undefined) return;
    if (message.role !== "assistant") problems.push(`messages[${index}]: weight is allowed on assistant messages only`);
    if (message.weight !== 0 && message.weight !== 1) problems.push(`messages[${index}]: weight must be 0 or 1`);
  });
  if (!typed.some((message) => message.role === "assistant" && message.weight !== 0)) problems.push("messages: no assistant message is trained on");
  if (typed.at(-1)?.role !== "assistant") problems.push("messages: the last message must be the assistant's answer");
  return problems;
}

function checkSingleAssistant(value: unknown, where: string): Problems {
  const problems = checkMessageList(value, where, ["assistant"]);
  if (Array.isArray(value) && value.length !== 1) problems.push(`${where} must hold exactly one assistant message`);
  return problems;
}

/** OpenAI preference fine-tuning: `{input: {messages}, preferred_output: [assistant], non_preferred_output: [assistant]}`. */
export function checkOpenAiPreferenceExample(line: unknown): Problems {
  if (!isRecord(line)) return ["the line must be a JSON object"];
  const problems = checkKeys(line, ["input", "preferred_output", "non_preferred_output"], "line");
  if (!isRecord(line.input)) problems.push("input must be an object with messages");
  else {
    problems.push(...checkKeys(line.input, ["messages", "tools", "parallel_tool_calls"], "input"));
    problems.push(...checkMessageList(line.input.messages, "input.messages", ["system", "developer", "user", "assistant"]));
    const messages = line.input.messages;
    if (Array.isArray(messages) && (messages.at(-1) as { role?: unknown } | undefined)?.role !== "user") {
      problems.push("input.messages: the last message must be the user's turn the outputs answer");
    }
  }
  problems.push(...checkSingleAssistant(line.preferred_output, "preferred_output"), ...checkSingleAssistant(line.non_preferred_output, "non_preferred_output"));
  return problems;
}

/** TRL's conversational preference format: `{prompt: [...], chosen: [assistant], rejected: [assistant]}`. */
export function checkTrlPreferenceExample(line: unknown): Problems {
  if (!isRecord(line)) return ["the line must be a JSON object"];
  const problems = checkKeys(line, ["prompt", "chosen", "rejected"], "line");
  problems.push(...checkMessageList(line.prompt, "prompt", ["system", "user", "assistant"]));
  problems.push(...checkSingleAssistant(line.chosen, "chosen"), ...checkSingleAssistant(line.rejected, "rejected"));
  return problems;
}
