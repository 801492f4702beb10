import type { EncodedLabels } from "./encode";

export type MeasurementLevel = "nominal" | "ordinal" | "interval" | "ratio";

/**
 * Values grouped into units (items), one entry per value; NaN marks a missing value. Coders do not
 * matter to α, only which values share a unit.
 */
export type ReliabilityData = { units: Int32Array; values: Float64Array; unitCount: number };

/** Builds reliability data from a coders × units table, with null or NaN for a missing value. */
export function createReliabilityData(rows: ReadonlyArray<ReadonlyArray<number | null>>): ReliabilityData {
  const unitCount = Math.max(0, ...rows.map((row) => row.length));
  const units: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    row.forEach((value, unit) => {
      if (value === null || Number.isNaN(value)) return;
      units.push(unit);
      values.push(value);
    });
  }
  return { units: Int32Array.from(units), values: Float64Array.from(values), unitCount };
}

/**
 * Uses encoded answers as reliability data with items as units. Nominal and ordinal data use the label
 * codes (their sorted order is the ordinal scale); interval and ratio need numeric labels.
 */
export function toReliabilityData(data: EncodedLabels, level: MeasurementLevel): ReliabilityData {
  const isMetric = level === "interval" || level === "ratio";
  if (isMetric && !data.isNumeric) throw new RangeError("interval and ratio levels need numeric labels");
  const values = new Float64Array(data.labels.length);
  for (let index = 0; index < values.length; index += 1) {
    values[index] = isMetric ? data.labelValues[data.labels[index]!]! : data.labels[index]!;
  }
  return { units: data.items, values, unitCount: data.itemIds.length };
}
