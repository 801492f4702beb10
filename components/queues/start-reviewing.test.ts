import { describe, expect, it } from "vitest";
import { explainNothingAvailable } from "./start-reviewing";

const nobody = { submitted: 0, skipped: 0, available: 0 };

describe("explainNothingAvailable", () => {
  it("tells an empty queue, a decided one, the annotator's finished part and busy items apart", () => {
    expect(explainNothingAvailable({ total: 0, pending: 0, inReview: 0 }, nobody)).toMatch(/^No items in this queue yet/);
    expect(explainNothingAvailable({ total: 800, pending: 0, inReview: 0 }, nobody)).toBe("Every item here is decided or waiting for a lead. New items appear as outputs are sampled.");
    expect(explainNothingAvailable({ total: 5, pending: 1, inReview: 1 }, { ...nobody, submitted: 3 })).toMatch(/^You have done your part here \(3 submitted\)/);
    expect(explainNothingAvailable({ total: 5, pending: 1, inReview: 1 }, nobody)).toMatch(/^Every remaining item already has enough reviewers/);
  });
});
