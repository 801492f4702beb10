import type { MeasurementLevel } from "@/server/quality/reliability-data";

/** The field types α is measured on; numeric and ordinal fields (issue 13) add their own entries. */
export type MeasuredField = { type: "categorical" };

/**
 * Krippendorff's α level that fits a field type: categories have no order or distance between them, so a
 * categorical field is nominal. Numeric fields map to interval or ratio and ordered scales to ordinal.
 */
export function levelForField(field: MeasuredField): MeasurementLevel {
  switch (field.type) {
    case "categorical":
      return "nominal";
  }
}
