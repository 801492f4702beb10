import { isSafePattern } from "redos-detector";
import { ValidationError } from "@/server/lib/errors";
import type { CustomRule } from "./schema";

/** How long the backtracking analysis of one pattern may take before the pattern is refused as too complex. */
const ANALYSIS_TIMEOUT_MS = 1_000;

/**
 * Refuses a pattern that would not compile, that matches empty text (it would "redact" between every
 * character), or that can backtrack catastrophically: custom rules run over every ingested text, up to a
 * million characters, so one slow pattern would stall every ingest of the project.
 */
export function checkCustomPattern(rule: CustomRule, field: string): void {
  let regex: RegExp;
  try {
    regex = new RegExp(rule.pattern, rule.caseInsensitive ? "i" : "");
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message.replace(/^Invalid regular expression: /, "") : "it does not compile";
    throw new ValidationError(`pattern of "${rule.name}" is not a valid regular expression: ${reason}`, { field });
  }
  if (regex.test("")) throw new ValidationError(`pattern of "${rule.name}" matches empty text; make it match at least one character`, { field });
  const analysis = isSafePattern(rule.pattern, { caseInsensitive: rule.caseInsensitive, timeout: ANALYSIS_TIMEOUT_MS });
  if (!analysis.safe) {
    throw new ValidationError(
      `pattern of "${rule.name}" could take too long on long text (its repeats can match the same characters in many ways); ` +
        "start it with fixed text and bound its repeats, for example ORD-\\d{6}",
      { field },
    );
  }
}

/** Checks every custom rule of a settings form, naming the first bad one's field. */
export function checkCustomPatterns(rules: readonly CustomRule[], fieldPrefix = "customRules"): void {
  rules.forEach((rule, index) => checkCustomPattern(rule, `${fieldPrefix}.${index}.pattern`));
}
