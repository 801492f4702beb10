"use client";

import { ToggleGroup } from "@/components/ui/toggle-group";
import type { Granularity } from "@/server/metrics/catalog";

const choices: ReadonlyArray<{ value: Granularity; label: string }> = [
  { value: "hour", label: "Hourly" },
  { value: "day", label: "Daily" },
];

/** Hour or day windows, as a pair of toggle buttons. */
export function GranularitySwitch({ value, onChange }: { value: Granularity; onChange: (value: Granularity) => void }) {
  return <ToggleGroup label="Window" choices={choices} value={value} onChange={onChange} />;
}
