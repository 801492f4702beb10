import { describe, expect, it } from "vitest";
import { describeDetail, isFlatList, labelForKey } from "./detail-tree";

describe("audit detail tree", () => {
  it("labels keys in words", () => {
    expect(labelForKey("samplingRule")).toBe("Sampling rule");
    expect(labelForKey("queue_ids")).toBe("Queue ids");
    expect(labelForKey("rowCount")).toBe("Row count");
    expect(labelForKey("note")).toBe("Note");
  });

  it("turns nested objects and arrays into maps and lists, never [object Object]", () => {
    const tree = describeDetail({
      name: "Support answers",
      samplingRule: { models: [], tags: ["support", "refunds"], metadata: { channel: "web" }, signals: [], rate: 0.6 },
      changelog: { added: 18, removed: 0, relabelled: 0 },
    });
    expect(tree).toEqual({
      kind: "map",
      entries: [
        { key: "name", label: "Name", value: { kind: "text", text: "Support answers", isCode: false } },
        {
          key: "samplingRule",
          label: "Sampling rule",
          value: {
            kind: "map",
            entries: [
              { key: "models", label: "Models", value: { kind: "empty" } },
              {
                key: "tags",
                label: "Tags",
                value: {
                  kind: "list",
                  items: [
                    { kind: "text", text: "support", isCode: false },
                    { kind: "text", text: "refunds", isCode: false },
                  ],
                },
              },
              { key: "metadata", label: "Metadata", value: { kind: "map", entries: [{ key: "channel", label: "Channel", value: { kind: "text", text: "web", isCode: false } }] } },
              { key: "signals", label: "Signals", value: { kind: "empty" } },
              { key: "rate", label: "Rate", value: { kind: "text", text: "0.6", isCode: false } },
            ],
          },
        },
        {
          key: "changelog",
          label: "Changelog",
          value: {
            kind: "map",
            entries: [
              { key: "added", label: "Added", value: { kind: "text", text: "18", isCode: false } },
              { key: "removed", label: "Removed", value: { kind: "text", text: "0", isCode: false } },
              { key: "relabelled", label: "Relabelled", value: { kind: "text", text: "0", isCode: false } },
            ],
          },
        },
      ],
    });
    expect(JSON.stringify(tree)).not.toContain("[object Object]");
  });

  it("shows ids as code, booleans in words, and lists of objects as lists of maps", () => {
    expect(describeDetail("f9a744f0-9b73-4ac3-b0fa-df0d698b700e")).toEqual({ kind: "text", text: "f9a744f0-9b73-4ac3-b0fa-df0d698b700e", isCode: true });
    expect(describeDetail(true)).toEqual({ kind: "text", text: "yes", isCode: false });
    const list = describeDetail([{ value: "a" }, { value: "b" }]);
    expect(list).toMatchObject({ kind: "list", items: [{ kind: "map" }, { kind: "map" }] });
    expect(list.kind === "list" && isFlatList(list.items)).toBe(false);
    expect(isFlatList([{ kind: "text", text: "x", isCode: false }, { kind: "empty" }])).toBe(true);
  });
});
