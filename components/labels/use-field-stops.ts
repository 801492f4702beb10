"use client";

import { useState } from "react";
import type { Shortcut } from "@/components/shell/use-shortcuts";
import type { LabelValues } from "@/server/labels/answer-values";
import type { SchemaField } from "@/server/labels/field-types";
import { answerFields } from "@/server/labels/label-schema";
import { applyNumberKey, applyPairwiseKey, countStopKeys, listStops, moveStop, type FieldStop } from "./field-stops";
import { findFieldProblems } from "./answer-check";
import { focusStop } from "./focus-stop";

/**
 * Whether a key comes from a text box of the form (a free-text or number field, the note), which Esc leaves so
 * the keys answer again. A dialog's text box keeps Esc for closing the dialog.
 */
export function isFormTextBox(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target.closest("dialog") !== null) return false;
  return target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && !["radio", "checkbox"].includes((target as HTMLInputElement).type));
}

/**
 * The label form's active stop and what the keys do with it: J/K move (and move focus along, into the
 * corrected output's editor too: Esc leaves it), 1–9 answer the active stop, A/B/T the pairwise field
 * wherever the stop is. Starts on the first field, so 1–9 pick there before anything else is pressed.
 * `schemaFields` are the queue's, the corrected output among them when the page shows its editor.
 */
export function useFieldStops(schemaFields: readonly SchemaField[], values: LabelValues, onChange: (values: LabelValues) => void) {
  const stops = listStops(schemaFields);
  const fields = answerFields({ fields: schemaFields });
  const [activeStop, setActiveStop] = useState<FieldStop | null>(stops[0] ?? null);
  const activeField = fields.find((field) => field.key === activeStop?.fieldKey);
  return {
    activeStop,
    setActiveStop,
    /** The J/K line of the page's cheat sheet, when there is more than one stop to move between. */
    moveShortcuts(run: () => void): Shortcut[] {
      return stops.length > 1 ? [{ keys: ["J", "K"], label: "Next or previous field (Tab also moves)", run }] : [];
    },
    /** How many number keys the active stop takes, and what it is called, for the cheat sheet. */
    activeKeys: activeField && activeStop ? { count: countStopKeys(activeField, activeStop.criterionKey), title: activeField.title } : null,
    moveField(delta: number) {
      const next = moveStop(stops, activeStop, delta);
      if (!next) return;
      setActiveStop(next);
      focusStop(next);
    },
    /** Whether the form has a pairwise field, whose A/B/T keys the page lists. */
    comparesCandidates: fields.some((field) => field.type === "pairwise"),
    pickPairwise(key: string): boolean {
      const next = applyPairwiseKey(fields, values, key);
      if (next === null) return false;
      onChange(next);
      return true;
    },
    /** After a refused submit: moves to the first field with a problem and focuses it; false when there is none. */
    goToFirstProblem(): boolean {
      const problems = findFieldProblems(fields, values);
      const first = stops.find((stop) => problems[stop.fieldKey] !== undefined);
      if (!first) return false;
      setActiveStop(first);
      focusStop(first);
      return true;
    },
    pickNumber(n: number): boolean {
      if (!activeField || !activeStop) return false;
      const next = applyNumberKey(activeField, activeStop, values, n);
      if (next === null) return false;
      onChange(next);
      return true;
    },
  };
}
