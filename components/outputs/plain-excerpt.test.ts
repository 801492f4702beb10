import { describe, expect, it } from "vitest";
import { plainExcerpt } from "./plain-excerpt";

describe("plainExcerpt", () => {
  it("drops heading, emphasis and code marks, keeping the words on one line", () => {
    expect(plainExcerpt("# Refunds\n\nThey take **5 days** and _sometimes_ `7`.")).toBe("Refunds They take 5 days and sometimes 7.");
  });

  it("keeps a link's text and an image's alt text, not their addresses", () => {
    expect(plainExcerpt("See [the policy](https://example.test/p) ![a chart](https://example.test/c.png)")).toBe("See the policy a chart");
  });

  it("drops list bullets, numbers, task boxes and quote marks", () => {
    expect(plainExcerpt("- one\n* two\n1. three\n- [x] done\n> quoted")).toBe("one two three done quoted");
  });

  it("drops code fences, rules and table pipes", () => {
    expect(plainExcerpt("```ts\nconst a = 1;\n```\n---\n| Plan | Days |\n| --- | --- |\n| Card | 5 |")).toBe("const a = 1; Plan Days Card 5");
  });

  it("reads a long run of dashes at once", () => {
    const started = performance.now();
    expect(plainExcerpt(`${"-".repeat(200)}x`)).toBe(`${"-".repeat(200)}x`);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("leaves plain text, snake_case and lone marks as they are", () => {
    expect(plainExcerpt("Use refund_policy_v2 for 2 * 3 items ~ today.")).toBe("Use refund_policy_v2 for 2 * 3 items ~ today.");
    expect(plainExcerpt("An unclosed **bold")).toBe("An unclosed **bold");
  });
});
