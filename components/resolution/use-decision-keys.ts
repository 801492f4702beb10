"use client";

import { useEffect, useRef } from "react";
import { isFormTextBox } from "@/components/labels/use-field-stops";
import { numberOfKey } from "@/components/labels/field-stops";
import { isActivatableTarget, isTypingTarget } from "@/components/ui/keyboard-focus";

type DecisionKeys = {
  /** Number key 1–9 on the active field; false when it means nothing there. */
  pickNumber: (n: number) => boolean;
  /** J (+1) and K (−1): the next or previous field, or rubric criterion. */
  moveField: (delta: number) => void;
  /** A, B or T on a pairwise queue: which candidate is better, or a tie; false when the queue compares nothing. */
  pickPairwise: (key: string) => boolean;
  onFocusEditor?: () => void;
  onFocusNote?: () => void;
  onFinalize: () => void;
  isEnabled: boolean;
};

/**
 * The adjudication keys: J/K move between fields, 1–9 answer the active one, A/B/T a pairwise field, Esc leaves a field's text box, E the editor, N the note, Enter (or Ctrl/Cmd+Enter inside a
 * text field or the editor) finalizes. Listens in the capture phase so the editor cannot swallow Ctrl+Enter.
 */
export function useDecisionKeys(keys: DecisionKeys): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const current = latest.current;
      if (!current.isEnabled || event.altKey || event.defaultPrevented) return;
      const isMod = event.ctrlKey || event.metaKey;
      if (event.key === "Enter" && (isMod || (!isTypingTarget(event.target) && !isActivatableTarget(event.target)))) {
        event.preventDefault();
        event.stopPropagation();
        current.onFinalize();
        return;
      }
      if (event.key === "Escape" && isFormTextBox(event.target)) {
        event.preventDefault();
        (event.target as HTMLElement).blur();
        return;
      }
      if (isMod || isTypingTarget(event.target) || document.querySelector("dialog[open]")) return;
      if (/^[0-9]$/.test(event.key)) {
        if (current.pickNumber(numberOfKey(event.key))) event.preventDefault();
      } else if (/^[abt]$/i.test(event.key) && current.pickPairwise(event.key)) {
        event.preventDefault();
        event.stopPropagation();
      } else if (event.key.toLowerCase() === "j" || event.key.toLowerCase() === "k") {
        event.preventDefault();
        current.moveField(event.key.toLowerCase() === "j" ? 1 : -1);
      } else if (event.key.toLowerCase() === "e" && current.onFocusEditor) {
        event.preventDefault();
        current.onFocusEditor();
      } else if (event.key.toLowerCase() === "n" && current.onFocusNote) {
        event.preventDefault();
        current.onFocusNote();
      }
    }
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, []);
}
