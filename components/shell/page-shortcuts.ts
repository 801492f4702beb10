"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { Shortcut } from "./use-shortcuts";

// The shortcuts the current page's components listen to, by the component that listens, so the help
// dialog of the shell (which renders around the page) can list them beside its own.
const byOwner = new Map<object, Shortcut[]>();
const listeners = new Set<() => void>();
let listed: Shortcut[] = [];
// What the dialog shows of `listed`: keys and labels.
let listedKey = "";

function publish(): void {
  const next = [...byOwner.values()].flat();
  const nextKey = next.map((shortcut) => `${shortcut.keys.join(" ")}:${shortcut.label}`).join("|");
  // Pages rebuild their lists on every render; only a change of what the dialog shows is news.
  if (nextKey === listedKey) return;
  [listed, listedKey] = [next, nextKey];
  for (const listener of listeners) listener();
}

/** Lists a component's shortcuts in the help dialog until it withdraws them (unmounts). */
export function listPageShortcuts(owner: object, shortcuts: Shortcut[]): void {
  if (shortcuts.length === 0) byOwner.delete(owner);
  else byOwner.set(owner, shortcuts);
  publish();
}

/**
 * Lists keys a component handles itself (in its own capture-phase listener) in the help dialog, without
 * the shell handling them a second time.
 */
export function useShortcutHints(shortcuts: Shortcut[]): void {
  const [owner] = useState(() => ({}));
  useEffect(() => listPageShortcuts(owner, shortcuts));
  useEffect(() => () => withdrawPageShortcuts(owner), [owner]);
}

export function withdrawPageShortcuts(owner: object): void {
  byOwner.delete(owner);
  publish();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const noShortcuts: Shortcut[] = [];

/** The shortcuts of the page on screen now. */
export function usePageShortcuts(): Shortcut[] {
  return useSyncExternalStore(
    subscribe,
    () => listed,
    () => noShortcuts,
  );
}
