import type { TextProfile } from "../text-profile";

/** Where a rule found something to redact: [start, end) in UTF-16 code units. */
export type TextSpan = { start: number; end: number };

/**
 * One redaction rule. `find` returns the spans to replace with `token`; `counterKey` names the rule in an
 * output's `redaction_counts`. The text's profile (one shared pass) lets a rule that cannot match return
 * without scanning.
 */
export type RedactionRule = { counterKey: string; token: string; find: (text: string, profile: TextProfile) => TextSpan[] };

/**
 * Spans of every match of a global regex, optionally narrowed to a capture group and by `accept`, a
 * validator that sees the value and where it starts in the text.
 */
export function findSpans(text: string, pattern: RegExp, options: { accept?: (value: string, text: string, start: number) => boolean; group?: number } = {}): TextSpan[] {
  const spans: TextSpan[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    // A zero-width match would loop forever; custom patterns are refused when they match empty text, this is the backstop.
    if (match[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    const group = options.group;
    const value = group === undefined ? match[0] : match[group];
    if (value === undefined) continue;
    const start = group === undefined ? match.index : match.index + match[0].lastIndexOf(value);
    if (options.accept && !options.accept(value, text, start)) continue;
    spans.push({ start, end: start + value.length });
  }
  return spans;
}
