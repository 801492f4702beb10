/** Where a rule found something to redact: [start, end) in UTF-16 code units. */
export type TextSpan = { start: number; end: number };

/**
 * One redaction rule. `find` returns the spans to replace with `token`; `counterKey` names the rule in an
 * output's `redaction_counts`. Rules test a cheap gate first, so text without a hint pays one scan.
 */
export type RedactionRule = { counterKey: string; token: string; find: (text: string) => TextSpan[] };

/** Spans of every match of a global regex, optionally narrowed by `accept` (a validator) or to a capture group. */
export function findSpans(text: string, pattern: RegExp, options: { accept?: (match: string) => boolean; group?: number } = {}): TextSpan[] {
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
    if (value === undefined || (options.accept && !options.accept(value))) continue;
    const start = group === undefined ? match.index : match.index + match[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}
