"use client";

import { createContext, useContext } from "react";

/**
 * Whether an item shows candidate B on the left. Readers favour whichever answer they read first, so half
 * the items swap the sides; the letters stay with the candidates (A is always the first one ingested), so
 * answers, gold and exports are unchanged. Decided by the item's id, so everyone who sees an item (its
 * annotators and the lead) sees it the same way round; items are numbered in turn, so the sides alternate.
 */
export function isSwappedForItem(queueItemId: number): boolean {
  return queueItemId % 2 === 1;
}

const CandidateSides = createContext(false);

/** Puts an item's candidates (and the A/B buttons) in its order for everything inside. */
export function CandidateSidesProvider({ queueItemId, children }: { queueItemId: number; children: React.ReactNode }) {
  return <CandidateSides.Provider value={isSwappedForItem(queueItemId)}>{children}</CandidateSides.Provider>;
}

/** Whether B shows on the left here; false outside an item (an output's own page lists them in order). */
export const useIsSwapped = () => useContext(CandidateSides);

/** The two compared things in screen order, left first. */
export function inScreenOrder<T>(pair: readonly [T, T], isSwapped: boolean): [T, T] {
  return isSwapped ? [pair[1], pair[0]] : [pair[0], pair[1]];
}
