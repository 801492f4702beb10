import { describe, expect, it } from "vitest";
import { buildSnapshotKey } from "./shared-snapshot";

describe("the version an approval approved", () => {
  it("is the same whatever order the fields were written in, and differs with any value or the correction", () => {
    const approved = buildSnapshotKey({ verdict: "wrong", tone: 3 }, "Refunds take 5 days.");
    expect(buildSnapshotKey({ tone: 3, verdict: "wrong" }, "Refunds take 5 days.")).toBe(approved);
    expect(buildSnapshotKey({ verdict: "right", tone: 3 }, "Refunds take 5 days.")).not.toBe(approved);
    expect(buildSnapshotKey({ verdict: "wrong", tone: 3 }, null)).not.toBe(approved);
  });
});
