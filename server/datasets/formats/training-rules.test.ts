import { describe, expect, it } from "vitest";
import { checkOpenAiChatExample, checkOpenAiPreferenceExample, checkTrlPreferenceExample } from "./training-rules";

const user = { role: "user", content: "Where is my order?" };
const answer = { role: "assistant", content: "It shipped Monday." };

describe("OpenAI chat fine-tuning rules", () => {
  it("pass a system, user, weighted-out assistant, user, assistant example", () => {
    expect(checkOpenAiChatExample({ messages: [{ role: "system", content: "Be brief." }, user, { ...answer, weight: 0 }, user, answer] })).toEqual([]);
  });

  it("name each broken rule", () => {
    expect(checkOpenAiChatExample("text")).toEqual(["the line must be a JSON object"]);
    expect(checkOpenAiChatExample({ messages: [] })).toEqual(["messages must hold at least one message"]);
    expect(checkOpenAiChatExample({ messages: [user, answer], extra: 1 })).toEqual(['line: unknown key "extra"']);
    expect(checkOpenAiChatExample({ messages: [{ role: "developer", content: "x" }, answer] })).toEqual(["messages[0]: role must be one of system, user, assistant"]);
    expect(checkOpenAiChatExample({ messages: [user, { role: "assistant", content: "" }] })).toEqual(["messages[1]: content must not be empty"]);
    expect(checkOpenAiChatExample({ messages: [user, { role: "assistant", content: ["a"] }] })).toEqual(["messages[1]: content must be a string"]);
    expect(checkOpenAiChatExample({ messages: [user, { ...answer, tool_calls: [] }] })).toEqual(['messages[1]: unknown key "tool_calls"']);
    expect(checkOpenAiChatExample({ messages: [{ ...user, weight: 1 }, answer] })).toEqual(["messages[0]: weight is allowed on assistant messages only"]);
    expect(checkOpenAiChatExample({ messages: [user, { ...answer, weight: 0.5 }] })).toEqual(["messages[1]: weight must be 0 or 1"]);
    expect(checkOpenAiChatExample({ messages: [user] })).toEqual(["messages: no assistant message is trained on", "messages: the last message must be the assistant's answer"]);
    expect(checkOpenAiChatExample({ messages: [answer, user] })).toEqual(["messages: the last message must be the assistant's answer"]);
  });
});

describe("preference rules", () => {
  const chosen = [answer];
  const rejected = [{ role: "assistant", content: "Soon." }];

  it("pass TRL's conversational format and name what breaks it", () => {
    expect(checkTrlPreferenceExample({ prompt: [user], chosen, rejected })).toEqual([]);
    expect(checkTrlPreferenceExample({ prompt: [], chosen, rejected })).toEqual(["prompt must hold at least one message"]);
    expect(checkTrlPreferenceExample({ prompt: [user], chosen: "It shipped", rejected })).toEqual(["chosen must be a list of messages"]);
    expect(checkTrlPreferenceExample({ prompt: [user], chosen: [answer, answer], rejected })).toEqual(["chosen must hold exactly one assistant message"]);
    expect(checkTrlPreferenceExample({ prompt: [user], chosen, rejected: [user] })).toEqual(["rejected[0]: role must be one of assistant"]);
  });

  it("pass OpenAI's preference format and name what breaks it", () => {
    expect(checkOpenAiPreferenceExample({ input: { messages: [user] }, preferred_output: chosen, non_preferred_output: rejected })).toEqual([]);
    expect(checkOpenAiPreferenceExample({ input: [user], preferred_output: chosen, non_preferred_output: rejected })).toEqual(["input must be an object with messages"]);
    expect(checkOpenAiPreferenceExample({ input: { messages: [user, answer] }, preferred_output: chosen, non_preferred_output: rejected })).toEqual([
      "input.messages: the last message must be the user's turn the outputs answer",
    ]);
    expect(checkOpenAiPreferenceExample({ input: { messages: [user] }, preferred_output: chosen })).toEqual(["non_preferred_output must be a list of messages"]);
    expect(checkOpenAiPreferenceExample({ input: { messages: [user] }, preferred_output: [{ role: "assistant", content: "" }], non_preferred_output: rejected })).toEqual([
      "preferred_output[0]: content must not be empty",
    ]);
  });
});
