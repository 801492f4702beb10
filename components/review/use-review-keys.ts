"use client";

import { useEffect, useRef } from "react";
import { isFormTextBox } from "@/components/labels/use-field-stops";
import { numberOfKey } from "@/components/labels/field-stops";
import { isActivatableTarget, isTypingTarget } from "@/components/ui/keyboard-focus";

export type ReviewKeyActions = {
  /** Number key 1–9 on the active field; false when it means nothing there (the key is then left alone). */
  pickNumber: (n: number) => boolean;
  /** J (+1) and K (−1): the next or previous field, or rubric criterion. */
  moveField: (delta: number) => void;
  submit: () => void;
  openSkip: () => void;
  showHelp: () => void;
  toggleInstructions: () => void;
  toggleThread?: () => void;
  /** A, B or T on a pairwise queue: which candidate is better, or a tie; false when the queue compares nothing. */
  pickPairwise: (key: string) => boolean;
  focusNote?: () => void;
  focusCorrection?: () => void;
};

/**
 * The review page's keys: J/K move between fields, 1–9 answer the active one, Esc leaves a field's text box,
 * E edits the correction, N the note, S skips, I folds the instructions,
 * H the earlier turns of the conversation, A/B/T answer a pairwise field, ? shows help, Enter submits (Ctrl/Cmd+Enter from inside the note or the editor). Listens in the capture
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
      if (event.key === "Escape" && isFormTextBox(event.target)) return run(() => (event.target as HTMLElement).blur());
      if (isMod || event.altKey || isTypingTarget(event.target)) return;
      if (event.key === "Enter") return isActivatableTarget(event.target) ? undefined : run(act.submit);
      if (/^[0-9]$/.test(event.key)) {
        if (act.pickNumber(numberOfKey(event.key))) {
          event.preventDefault();
          event.stopPropagation();
        }
        return;
      }
      if (/^[abtABT]$/.test(event.key) && act.pickPairwise(event.key)) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      switch (event.key) {
        case "j":
        case "J":
          return run(() => act.moveField(1));
        case "k":
        case "K":
          return run(() => act.moveField(-1));
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
        case "h":
        case "H":
          return run(act.toggleThread);
      }
    }
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, []);
}
