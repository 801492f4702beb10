import { describe, expect, it } from "vitest";
import { VERDICT_LABEL_SCHEMA } from "@/db/seed/loop";
import { buildLabelDistributions, type LabelValueCount } from "./label-distribution";

const queue = { id: "q1", name: "Refunds", labelSchema: VERDICT_LABEL_SCHEMA };
const count = (value: string, isMine: boolean, answers: number): LabelValueCount => ({ queueId: "q1", fieldKey: "verdict", value, isMine, answers });

describe("label distribution against the team", () => {
  it("gives each option's share for the annotator and for everyone else, in schema order with zeros kept", () => {
    const [distribution] = buildLabelDistributions([count("helpful", true, 3), count("harmful", true, 1), count("helpful", false, 2), count("off_topic", false, 6)], [queue]);
    expect(distribution).toMatchObject({ queueName: "Refunds", fieldKey: "verdict", fieldTitle: "Verdict", mineTotal: 4, teamTotal: 8 });
    expect(distribution!.options).toEqual([
      { value: "helpful", title: "Helpful", mine: 3, team: 2, mineShare: 0.75, teamShare: 0.25 },
      { value: "harmful", title: "Harmful", mine: 1, team: 0, mineShare: 0.25, teamShare: 0 },
      { value: "off_topic", title: "Off topic", mine: 0, team: 6, mineShare: 0, teamShare: 0.75 },
    ]);
  });

  it("leaves out fields the annotator never answered and says the team share is unknown when nobody else answered", () => {
    expect(buildLabelDistributions([count("helpful", false, 5)], [queue])).toEqual([]);
    const [alone] = buildLabelDistributions([count("helpful", true, 2)], [queue]);
    expect(alone!.options[0]).toEqual({ value: "helpful", title: "Helpful", mine: 2, team: 0, mineShare: 1, teamShare: null });
  });

  it("keeps values that are no longer in the schema after the schema's options", () => {
    const [distribution] = buildLabelDistributions([count("helpful", true, 1), count("spam", true, 1)], [queue]);
    expect(distribution!.options.map((option) => option.value)).toEqual(["helpful", "harmful", "off_topic", "spam"]);
    expect(distribution!.options[3]).toMatchObject({ title: "spam", mineShare: 0.5 });
  });
});
