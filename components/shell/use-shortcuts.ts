"use client";

import { useEffect, useRef } from "react";
import { listPageShortcuts, withdrawPageShortcuts } from "./page-shortcuts";

export type Shortcut = { keys: string[]; label: string; run: () => void };

const SEQUENCE_TIMEOUT_MS = 1_000;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Global keyboard shortcuts: single keys ("?") and two-key sequences ("g m"). Ignored while typing in a
 * field or with a modifier held, so they never steal text input or browser shortcuts. A page's shortcuts
 * are listed in the `?` dialog while it is on screen; the shell lists its own (`isListed: false`).
 */
export function useShortcuts(shortcuts: Shortcut[], options: { isListed?: boolean } = {}): void {
  const isListed = options.isListed ?? true;
  const pending = useRef<{ key: string; at: number } | null>(null);
  const latest = useRef(shortcuts);
  const owner = useRef({});
  useEffect(() => {
    latest.current = shortcuts;
    if (isListed) listPageShortcuts(owner.current, shortcuts);
  });
  useEffect(() => {
    const listing = owner.current;
    return () => withdrawPageShortcuts(listing);
  }, []);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const previous = pending.current && Date.now() - pending.current.at < SEQUENCE_TIMEOUT_MS ? pending.current.key : null;
      const match =
        latest.current.find((shortcut) => previous && shortcut.keys.length === 2 && shortcut.keys[0] === previous && shortcut.keys[1] === event.key) ??
        latest.current.find((shortcut) => shortcut.keys.length === 1 && shortcut.keys[0] === event.key);
      if (match) {
        event.preventDefault();
        pending.current = null;
        match.run();
        return;
      }
      const startsSequence = latest.current.some((shortcut) => shortcut.keys.length === 2 && shortcut.keys[0] === event.key);
      pending.current = startsSequence ? { key: event.key, at: Date.now() } : null;
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
