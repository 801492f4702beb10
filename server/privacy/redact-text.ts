import type { RedactionRule, TextSpan } from "./rules/rule";
import { profileText } from "./text-profile";

/** Per-rule counts of replaced spans, keyed by rule (`email`, `custom:order-id`); rules that found nothing are absent. */
export type RedactionCounts = Record<string, number>;

type RuleSpan = TextSpan & { rule: RedactionRule; order: number };

/**
 * Replaces every span the rules find with its rule's token and adds to `counts`. Where spans overlap, the
 * one starting first wins, then the longest, then the earlier rule, so an email holding digits is one
 * [EMAIL] and not an email around a [PHONE]. Text nothing matches comes back as the same string.
 */
export function redactText(text: string, rules: readonly RedactionRule[], counts: RedactionCounts): string {
  if (text.length === 0) return text;
  const profile = profileText(text);
  const found: RuleSpan[] = [];
  rules.forEach((rule, order) => {
    for (const span of rule.find(text, profile)) found.push({ ...span, rule, order });
  });
  if (found.length === 0) return text;
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  let redacted = "";
  let cursor = 0;
  for (const span of found) {
    if (span.start < cursor) continue;
    redacted += text.slice(cursor, span.start) + span.rule.token;
    cursor = span.end;
    counts[span.rule.counterKey] = (counts[span.rule.counterKey] ?? 0) + 1;
  }
  return redacted + text.slice(cursor);
}
