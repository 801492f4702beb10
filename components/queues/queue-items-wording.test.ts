import { describe, expect, it } from "vitest";
import { labelSchemaSchema } from "@/server/queues/schema";
import { describeGold } from "./queue-items-wording";

const schema = labelSchemaSchema.parse({
  fields: [{ type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "helpful", title: "Helpful" }, { value: "harmful", title: "Harmful" }] }],
});

describe("describeGold", () => {
  it("names the chosen option by its title, and says so when there is no gold", () => {
    expect(describeGold(schema, { verdict: "helpful" })).toBe("Helpful");
    expect(describeGold(schema, null)).toBe("—");
  });

  it("shows a value no option has any more as it was stored", () => {
    expect(describeGold(schema, { verdict: "retired_option" })).toBe("retired_option");
    expect(describeGold(schema, {})).toBe("—");
  });
});
