import { describe, expect, it } from "vitest";
import { describeShare, formatShare } from "./share-format";

describe("share wording", () => {
  it("reads as a share of production with its margin", () => {
    expect(formatShare(0.1234)).toBe("12.3 %");
    expect(describeShare({ title: "wrong", share: 0.123, margin: 0.021 })).toBe("wrong: 12.3 % ± 2.1 % of production answers");
  });
});
