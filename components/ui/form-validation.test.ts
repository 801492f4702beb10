import { describe, expect, it } from "vitest";
import { createDatasetSchema } from "@/server/datasets/schema";
import { firstIssueByField, readNumber } from "./form-validation";

describe("form validation with the server's schema", () => {
  const valid = { name: "Support SFT", queueIds: ["f9a744f0-9b73-4ac3-b0fa-df0d698b700e"], minConfidence: 0.8 };

  it("words a minimum confidence out of range, or missing, for people", () => {
    const tooHigh = createDatasetSchema.safeParse({ ...valid, minConfidence: readNumber("2") });
    expect(tooHigh.success || firstIssueByField(tooHigh.error)).toEqual({ minConfidence: "use a number from 0 to 1" });
    const empty = createDatasetSchema.safeParse({ ...valid, minConfidence: readNumber(" ") });
    expect(empty.success || firstIssueByField(empty.error)).toEqual({ minConfidence: "enter a number from 0 to 1" });
  });

  it("keeps the first message of each field", () => {
    const parsed = createDatasetSchema.safeParse({ name: "", queueIds: [], minConfidence: -1 });
    expect(parsed.success || firstIssueByField(parsed.error)).toEqual({ name: "name the dataset", queueIds: "pick at least one queue", minConfidence: "use a number from 0 to 1" });
  });
});
