"use client";

import { useEffect, useRef } from "react";

export type ReviewKeyActions = {
  optionCount: number;
  pick: (index: number) => void;
  submit: () => void;
  openSkip: () => void;
  showHelp: () => void;
  toggleInstructions: () => void;
  focusNote?: () => void;
  focusCorrection?: () => void;
};

/** Places where a plain key is text: the page leaves those keys alone. Radios are not text. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target instanceof HTMLInputElement && !["radio", "checkbox", "button", "submit", "reset"].includes(target.type);
}

/** Where Enter already means "activate this", so it must not also submit. */
function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("button, a[href], summary, [role=button], input[type=button], input[type=submit]") !== null;
}

/**
 * The review page's keys: 1–9 pick, E edits the correction, N the note, S skips, I folds the instructions,
 * ? shows help, Enter submits (Ctrl/Cmd+Enter from inside the note or the editor). Listens in the capture
 * phase so Ctrl+Enter reaches us before CodeMirror, and stops the keys it uses so the shell's own "?" does
 * not open a second dialog. Silent while any modal dialog is open.
 */
export function useReviewKeys(actions: ReviewKeyActions) {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || document.querySelector("dialog[open]")) return;
      const act = latest.current;
      const isMod = event.ctrlKey || event.metaKey;
      const run = (action: (() => void) | undefined) => {
        if (!action) return;
        event.preventDefault();
        event.stopPropagation();
        action();
      };
      if (event.key === "Enter" && isMod && !event.altKey && !event.shiftKey) return run(act.submit);
      if (isMod || event.altKey || isTextEntry(event.target)) return;
      if (event.key === "Enter") return isActivatable(event.target) ? undefined : run(act.submit);
      if (/^[1-9]$/.test(event.key)) {
        const index = Number(event.key) - 1;
        return index < act.optionCount ? run(() => act.pick(index)) : undefined;
      }
      switch (event.key) {
        case "?":
          return run(act.showHelp);
        case "e":
        case "E":
          return run(act.focusCorrection);
        case "n":
        case "N":
          return run(act.focusNote);
        case "s":
        case "S":
          return run(act.openSkip);
        case "i":
        case "I":
          return run(act.toggleInstructions);
      }
    }
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, []);
}
