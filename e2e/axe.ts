import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** WCAG 2.1 levels A and AA: what the issue asks every page to meet. */
const WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** Enough targets to find the element without flooding the report when a rule hits a whole table. */
const TARGETS_SHOWN = 3;

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function describeViolation(violation: Violation): string {
  const targets = violation.nodes.slice(0, TARGETS_SHOWN).map((node) => node.target.join(" "));
  const more = violation.nodes.length > TARGETS_SHOWN ? ` and ${violation.nodes.length - TARGETS_SHOWN} more` : "";
  return `${violation.id} (${violation.impact ?? "unknown impact"}): ${violation.help} at ${targets.join(", ")}${more}`;
}

/**
 * Fails unless the page as it stands meets WCAG 2.1 A and AA by axe, listing each broken rule with its
 * impact, help text and first targets. Soft, so one walk over many pages reports every page's findings.
 */
export async function expectAxeClean(page: Page, pageName: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA_TAGS).analyze();
  expect.soft(violations.map(describeViolation), `axe violations on ${pageName} (${page.url()})`).toEqual([]);
}
