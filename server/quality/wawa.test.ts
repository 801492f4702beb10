import { describe, expect, it } from "vitest";
import { encodeLabels } from "./encode";
import { resolveWawa } from "./wawa";

describe("resolveWawa", () => {
  it("weights workers by agreement with the majority and revotes", () => {
    const rows = [
      ["a", "good1", "x"], ["a", "good2", "x"], ["a", "bad", "y"],
      ["b", "good1", "y"], ["b", "good2", "y"], ["b", "bad", "x"],
      ["c", "good1", "x"], ["c", "bad", "y"], ["c", "good2", "x"],
      ["d", "good1", "x"], ["d", "bad", "y"],
    ];
    const data = encodeLabels(rows.map(([item, worker, label]) => ({ item: item!, worker: worker!, label: label! })));
    const result = resolveWawa(data);
    // d ties 1–1, which the plain vote gives to "x"; good1 therefore agrees 4/4 and bad 0/4.
    expect(Array.from(result.workerWeights)).toEqual([1, 1, 0]);
    expect(data.labelIds[result.labels[3]!]).toBe("x");
    expect(result.confidence[3]).toBe(1);
    expect(result.isTied[3]).toBe(0);
  });
});
