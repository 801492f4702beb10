"use client";

import { useId } from "react";
import type { LabelValue, LabelValues, PairwiseAnswer, RubricScore } from "@/server/labels/answer-values";
import type { SchemaField } from "@/server/labels/field-types";
import { cn } from "@/components/ui/cn";
import { ChoiceInput } from "./choice-input";
import { CorrectionField, type CorrectionSlot } from "./correction-field";
import { FieldFrame } from "./field-frame";
import { countStopKeys, isSameStop, type FieldStop } from "./field-stops";
import { stopName } from "./focus-stop";
import { NumberInput } from "./number-input";
import { PairwiseInput } from "./pairwise-input";
import { RubricInput } from "./rubric-input";
import { ScaleInput } from "./scale-input";
import { TextInput } from "./text-input";

type LabelFieldsProps = {
  fields: readonly SchemaField[];
  values: LabelValues;
  /** The corrected output's editor and key hint, shown where the field stands in the list; nothing when absent. */
  correction?: CorrectionSlot;
  onChange: (values: LabelValues) => void;
  /** The stop number keys act on (J/K move it); null before the first move or click. */
  activeStop: FieldStop | null;
  onActivate: (stop: FieldStop) => void;
  problems: Record<string, string | undefined>;
  /** Answers per option of each single or multiple choice, for a lead deciding gold. */
  votes?: Record<string, Record<string, number>>;
};

function ratingPoints(max: number, anchors: readonly string[]) {
  return Array.from({ length: max }, (_, index) => ({ value: index + 1, title: String(index + 1), description: anchors[index] }));
}

/** Every field of a label schema, each in the input its type takes, with the active stop marked; the corrected output where it stands in the list. */
export function LabelFields({ fields, values, onChange, activeStop, onActivate, problems, votes, correction }: LabelFieldsProps) {
  const baseId = useId();
  const set = (key: string, value: LabelValue | undefined) => {
    const next = { ...values };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  return (
    <div className="space-y-4">
      {fields.map((field) => {
        if (field.type === "corrected_output") {
          if (!correction) return null;
          const stop = { fieldKey: field.key };
          const isActive = isSameStop(activeStop, stop);
          // Only J/K make it the active stop: clicking into the editor leaves number keys on the field they
          // answered, so a one-choice form still takes 1–9 after a correction (Esc leaves the editor).
          return (
            <div
              key={field.key}
              data-stop={stopName(stop)}
              className={cn("-mx-2 rounded-lg border-l-2 px-2 py-1.5", isActive ? "border-gold-500 bg-gold-50/40" : "border-transparent")}
            >
              <CorrectionField field={field} {...correction} />
            </div>
          );
        }
        const id = `${baseId}-${field.key}`;
        const isActive = activeStop?.fieldKey === field.key;
        const value = values[field.key];
        const activate = () => {
          if (field.type !== "rubric" && !isSameStop(activeStop, { fieldKey: field.key })) onActivate({ fieldKey: field.key });
        };
        return (
          <FieldFrame
            key={field.key}
            id={id}
            title={field.title}
            hint={field.hint}
            isRequired={field.required}
            isActive={isActive}
            stop={field.type === "rubric" ? undefined : stopName({ fieldKey: field.key })}
            keyCount={field.type === "rubric" ? 0 : countStopKeys(field)}
            error={problems[field.key]}
            onActivate={activate}
          >
            {(field.type === "categorical" || field.type === "multi_select") && (
              <ChoiceInput id={id} field={field} value={value as string | string[] | undefined} onChange={(next) => set(field.key, next)} showKeys={isActive} votes={votes?.[field.key]} />
            )}
            {field.type === "rating" && (
              <ScaleInput id={id} label={field.title} points={ratingPoints(field.max, field.anchors)} value={value as number | undefined} onChange={(next) => set(field.key, next as number)} showKeys={isActive} />
            )}
            {field.type === "number" && <NumberInput id={id} field={field} value={value as number | undefined} onChange={(next) => set(field.key, next)} />}
            {field.type === "pairwise" && (
              <PairwiseInput id={id} field={field} value={value as PairwiseAnswer | undefined} onChange={(next) => set(field.key, next)} showKeys={isActive} />
            )}
            {field.type === "free_text" && <TextInput id={id} field={field} value={value as string | undefined} onChange={(next) => set(field.key, next)} />}
            {field.type === "rubric" && (
              <RubricInput
                id={id}
                field={field}
                value={value as Record<string, RubricScore> | undefined}
                onChange={(next) => set(field.key, next)}
                activeCriterion={isActive ? (activeStop?.criterionKey ?? null) : null}
                onActivateCriterion={(criterionKey) => {
                  if (!isSameStop(activeStop, { fieldKey: field.key, criterionKey })) onActivate({ fieldKey: field.key, criterionKey });
                }}
              />
            )}
          </FieldFrame>
        );
      })}
    </div>
  );
}
