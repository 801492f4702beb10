"use client";

import { useCallback, useSyncExternalStore } from "react";

// Choices a person made but has not sent yet (a label, a note) live in this tab's sessionStorage, so a
// reload keeps them the way the collaboration document keeps a correction. Per tab, gone when the tab
// closes, removed once sent and on sign-out, so they never outlive the work or reach the next person.
const PREFIX = "goldloop:draft:";
/** Where drafts go when storage is switched off or full: they then last until the page is left. */
const memory = new Map<string, string>();
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}

function readRaw(key: string): string | null {
  return memory.get(PREFIX + key) ?? storage()?.getItem(PREFIX + key) ?? null;
}

function writeRaw(key: string, raw: string): void {
  try {
    const store = storage();
    if (!store) throw new Error("no session storage");
    store.setItem(PREFIX + key, raw);
    memory.delete(PREFIX + key);
  } catch {
    memory.set(PREFIX + key, raw);
  }
  notify();
}

/** Forgets the draft under `key`, once what it held has been sent. */
export function discardDraft(key: string): void {
  memory.delete(PREFIX + key);
  storage()?.removeItem(PREFIX + key);
  notify();
}

/** Forgets every draft in this tab, so the next person to sign in here never sees them. */
export function discardAllDrafts(): void {
  memory.clear();
  const store = storage();
  if (store) for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
  notify();
}

/**
 * State that survives a reload of this tab. `parse` checks what was stored (it may come from an older
 * version of the page) and returns undefined to ignore it. The server has no storage, so it renders
 * `initial`; the stored draft appears right after hydration.
 */
export function useSessionDraft<T>(key: string, initial: T, parse: (stored: unknown) => T | undefined): [T, (next: T) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => readRaw(key),
    () => null,
  );
  const update = useCallback((next: T) => writeRaw(key, JSON.stringify(next)), [key]);
  if (raw === null) return [initial, update];
  try {
    return [parse(JSON.parse(raw)) ?? initial, update];
  } catch {
    return [initial, update];
  }
}
