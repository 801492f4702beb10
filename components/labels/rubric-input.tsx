"use client";

import type { RubricScore } from "@/server/labels/answer-values";
import type { RubricField } from "@/server/labels/field-types";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { stopName } from "./focus-stop";
import { ScaleInput } from "./scale-input";

const PASS_FAIL = [
  { value: true, title: "Pass" },
  { value: false, title: "Fail" },
];
const ONE_TO_FIVE = [1, 2, 3, 4, 5].map((value) => ({ value, title: String(value) }));

type RubricInputProps = {
  id: string;
  field: RubricField;
  value: Record<string, RubricScore> | undefined;
  onChange: (value: Record<string, RubricScore>) => void;
  /** The criterion J/K last moved to, where number keys score. */
  activeCriterion: string | null;
  onActivateCriterion: (criterionKey: string) => void;
};

/** Each criterion with its description and scale: pass/fail (keys 1, 2) or 1–5. Assertions carry into eval exports. */
export function RubricInput({ id, field, value, onChange, activeCriterion, onActivateCriterion }: RubricInputProps) {
  const scores = value ?? {};
  return (
    <ul className="space-y-2">
      {field.criteria.map((criterion) => {
        const isActive = activeCriterion === criterion.key;
        return (
          <li
            key={criterion.key}
            data-stop={stopName({ fieldKey: field.key, criterionKey: criterion.key })}
            onFocusCapture={() => onActivateCriterion(criterion.key)}
            onPointerDown={() => onActivateCriterion(criterion.key)}
            aria-current={isActive ? "true" : undefined}
            className={cn("space-y-1.5 rounded-md px-2 py-1.5 ring-1 ring-inset", isActive ? "bg-white ring-gold-400" : "ring-zinc-100")}
          >
            <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-900">
              {criterion.title}
              {criterion.assertion && <Badge tone="gold">assertion</Badge>}
            </p>
            {criterion.description && <p className="text-xs text-zinc-500">{criterion.description}</p>}
            <ScaleInput
              id={`${id}-${criterion.key}`}
              label={criterion.title}
              points={criterion.scale === "pass_fail" ? PASS_FAIL : ONE_TO_FIVE}
              value={scores[criterion.key]}
              onChange={(score) => onChange({ ...scores, [criterion.key]: score })}
              showKeys={isActive}
            />
          </li>
        );
      })}
    </ul>
  );
}
