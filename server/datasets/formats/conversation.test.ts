import { describe, expect, it } from "vitest";
import { inputToMessages } from "./conversation";
import { toOpenAiChatExample, toPreferencePair } from "./training-lines";
import { checkOpenAiChatExample, checkOpenAiPreferenceExample, checkTrlPreferenceExample } from "./training-rules";

describe("turning a stored input into training messages", () => {
  it("makes text one user message", () => {
    expect(inputToMessages("Where is my order?")).toEqual([{ role: "user", content: "Where is my order?" }]);
  });

  it("keeps system, user and assistant turns, maps developer to system, folds tool turns, drops empty turns", () => {
    expect(
      inputToMessages([
        { role: "developer", content: "Be brief." },
        { role: "user", content: "Plans?" },
        { role: "assistant", content: "" },
        { role: "tool", content: '["pro"]', name: "plans" },
        { role: "tool", content: "ok" },
        { role: "user", content: "Which is cheapest?" },
      ]),
    ).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Plans?" },
      { role: "user", content: 'Tool result (plans): ["pro"]' },
      { role: "user", content: "Tool result: ok" },
      { role: "user", content: "Which is cheapest?" },
    ]);
  });

  it("never returns an empty prompt: all-empty turns and odd shapes become their JSON text", () => {
    expect(inputToMessages([{ role: "user", content: "" }])).toEqual([{ role: "user", content: '[{"role":"user","content":""}]' }]);
    expect(inputToMessages({ question: "why" })).toEqual([{ role: "user", content: '{"question":"why"}' }]);
  });

  it("builds lines that pass each format's rules", () => {
    const row = { input: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }, { role: "assistant", content: "Hello" }, { role: "user", content: "Bye" }], preferred: "Goodbye!", rejected: "bye" };
    const chat = toOpenAiChatExample(row);
    expect(chat.messages.at(-1)).toEqual({ role: "assistant", content: "Goodbye!" });
    expect(chat.messages[2]).toEqual({ role: "assistant", content: "Hello", weight: 0 });
    expect(checkOpenAiChatExample(chat)).toEqual([]);
    expect(toOpenAiChatExample({ ...row, preferred: null }).messages.at(-1)).toEqual({ role: "assistant", content: "bye" });
    expect(checkTrlPreferenceExample(toPreferencePair(row, "trl"))).toEqual([]);
    expect(checkOpenAiPreferenceExample(toPreferencePair(row, "openai"))).toEqual([]);
    expect(toPreferencePair(row, "trl")).toMatchObject({ chosen: [{ role: "assistant", content: "Goodbye!" }], rejected: [{ role: "assistant", content: "bye" }] });
  });
});
