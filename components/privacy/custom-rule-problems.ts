import { checkCustomPattern } from "@/server/privacy/custom-pattern-check";
import { customRuleSchema, type CustomRule } from "@/server/privacy/schema";

/**
 * Why each custom rule cannot run yet (null when it can), with the same checks the server applies on save:
 * the tester leaves such rules out, so an unfinished or mistyped rule does not stop the preview of the others.
 */
export function customRuleProblems(rules: readonly CustomRule[]): (string | null)[] {
  return rules.map((rule, index) => {
    if (rule.pattern === "") return "unfinished: write a pattern";
    const parsed = customRuleSchema.safeParse(rule);
    if (!parsed.success) return parsed.error.issues[0]?.message ?? "this rule is not valid";
    if (rules.some((other, at) => at !== index && other.name.trim() === rule.name.trim())) return "another rule has the same name: give each its own";
    try {
      checkCustomPattern(parsed.data, `customRules.${index}.pattern`);
    } catch (error) {
      return error instanceof Error ? error.message : "this pattern is not valid";
    }
    return null;
  });
}
