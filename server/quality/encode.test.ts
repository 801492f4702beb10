import { describe, expect, it } from "vitest";
import {
  encodeItemLabels,
  encodeLabelColumns,
  encodeLabels,
  findDuplicateAnswer,
  indexByItem,
  NO_LABEL,
  sortLabelIds,
} from "./encode";

describe("sortLabelIds", () => {
  it("sorts numerically when every label is a number", () => {
    expect(sortLabelIds(["10", "9", "-1", "2.5", "1e1"])).toEqual({ sorted: ["-1", "2.5", "9", "10", "1e1"], isNumeric: true });
  });

  it("sorts by code units as soon as one label is not a number", () => {
    expect(sortLabelIds(["10", "9", "b", "B", "a"])).toEqual({ sorted: ["10", "9", "B", "a", "b"], isNumeric: false });
  });
});

describe("encodeLabels", () => {
  const data = encodeLabels([
    { item: "x", worker: "ann", label: "10" },
    { item: "y", worker: "bob", label: "9" },
    { item: "x", worker: "bob", label: "9" },
  ]);

  it("numbers items and workers by first appearance and labels in sorted order", () => {
    expect(data.itemIds).toEqual(["x", "y"]);
    expect(data.workerIds).toEqual(["ann", "bob"]);
    expect(data.labelIds).toEqual(["9", "10"]);
    expect(Array.from(data.items)).toEqual([0, 1, 0]);
    expect(Array.from(data.workers)).toEqual([0, 1, 1]);
    expect(Array.from(data.labels)).toEqual([1, 0, 0]);
    expect(Array.from(data.labelValues)).toEqual([9, 10]);
    expect(data.isNumeric).toBe(true);
  });

  it("gives extra labels a code", () => {
    const withExtra = encodeLabelColumns({ items: ["i"], workers: ["w"], labels: ["b"] }, ["a"]);
    expect(withExtra.labelIds).toEqual(["a", "b"]);
    expect(Array.from(withExtra.labels)).toEqual([1]);
    expect(withExtra.labelValues[0]).toBeNaN();
  });

  it("rejects columns of different lengths", () => {
    expect(() => encodeLabelColumns({ items: ["i"], workers: [], labels: ["a"] })).toThrow(RangeError);
  });
});

describe("encodeItemLabels", () => {
  it("maps known answers to codes and skips unknown items", () => {
    const data = encodeLabels([{ item: "x", worker: "w", label: "a" }, { item: "y", worker: "w", label: "b" }]);
    expect(Array.from(encodeItemLabels(data, [["y", "a"], ["zzz", "b"]]))).toEqual([NO_LABEL, 0]);
    expect(() => encodeItemLabels(data, [["x", "c"]])).toThrow(/has no code/);
  });
});

describe("findDuplicateAnswer and indexByItem", () => {
  const data = encodeLabels([
    { item: "x", worker: "a", label: "1" },
    { item: "y", worker: "a", label: "1" },
    { item: "x", worker: "b", label: "2" },
    { item: "x", worker: "a", label: "2" },
  ]);

  it("finds the first answer repeating an (item, worker) pair", () => {
    expect(findDuplicateAnswer(data)).toBe(3);
    expect(findDuplicateAnswer(encodeLabels([{ item: "x", worker: "a", label: "1" }]))).toBe(-1);
  });

  it("groups answers by item in input order", () => {
    const { offsets, order } = indexByItem(data);
    expect(Array.from(offsets)).toEqual([0, 3, 4]);
    expect(Array.from(order)).toEqual([0, 2, 3, 1]);
  });
});
