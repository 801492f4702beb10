import { findSpans, type RedactionRule } from "./rule";

/** A project's own pattern, already validated on save (compiles, cannot backtrack catastrophically, never matches empty text). */
export type CustomPattern = { name: string; pattern: string; caseInsensitive: boolean };

export function customRuleToken(name: string): string {
  return `[CUSTOM:${name}]`;
}

export function createCustomRule(custom: CustomPattern): RedactionRule {
  const regex = new RegExp(custom.pattern, custom.caseInsensitive ? "gi" : "g");
  return { counterKey: `custom:${custom.name}`, token: customRuleToken(custom.name), find: (text) => findSpans(text, regex) };
}
