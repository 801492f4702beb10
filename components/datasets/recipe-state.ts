"use client";

import { useState } from "react";
import { readNumber } from "@/components/ui/form-validation";
import type { CorrectionMode, SplitKey } from "@/server/datasets/schema";

/** What the recipe fields edit, as the form holds it (numbers and dates as typed text). */
export type RecipeDraft = {
  queueIds: string[];
  minConfidence: string;
  labelFilters: Record<string, string[]>;
  correctionMode: CorrectionMode;
  goldFrom: string;
  goldUntil: string;
  splitTrain: string;
  splitValidation: string;
  splitTest: string;
  splitKey: SplitKey;
  splitMetadataKey: string;
};

export const DEFAULT_RECIPE: RecipeDraft = {
  queueIds: [],
  minConfidence: "0",
  labelFilters: {},
  correctionMode: "allow_original",
  goldFrom: "",
  goldUntil: "",
  splitTrain: "0.8",
  splitValidation: "0.1",
  splitTest: "0.1",
  splitKey: "end_user_id",
  splitMetadataKey: "",
};

/** A `YYYY-MM-DD` date input as the start of that UTC day; empty is no bound. */
const readDay = (text: string): Date | null => (text ? new Date(`${text}T00:00:00Z`) : null);
/** A stored bound as the date input shows it. */
export const toDay = (value: Date | null): string => (value ? value.toISOString().slice(0, 10) : "");

/** The recipe as the create and update schemas take it. */
export function toRecipeInput(draft: RecipeDraft) {
  return {
    queueIds: draft.queueIds,
    minConfidence: readNumber(draft.minConfidence),
    labelFilters: Object.fromEntries(Object.entries(draft.labelFilters).filter(([, values]) => values.length > 0)),
    correctionMode: draft.correctionMode,
    goldFrom: readDay(draft.goldFrom),
    goldUntil: readDay(draft.goldUntil),
    splitTrain: readNumber(draft.splitTrain),
    splitValidation: readNumber(draft.splitValidation),
    splitTest: readNumber(draft.splitTest),
    splitKey: draft.splitKey,
    splitMetadataKey: draft.splitKey === "metadata" ? draft.splitMetadataKey.trim() || null : null,
  };
}

export function useRecipeDraft(initial: RecipeDraft = DEFAULT_RECIPE) {
  const [draft, setDraft] = useState(initial);
  const update = (changes: Partial<RecipeDraft>) => setDraft((current) => ({ ...current, ...changes }));
  return { draft, update, reset: () => setDraft(initial) };
}
