"use client";

import { useEffect, useRef } from "react";
import { isActivatableTarget, isTypingTarget } from "@/components/ui/keyboard-focus";

type DecisionKeys = {
  optionCount: number;
  onPick: (index: number) => void;
  onFocusEditor?: () => void;
  onFocusNote?: () => void;
  onFinalize: () => void;
  isEnabled: boolean;
};

/**
 * The adjudication keys: 1–9 pick the label, E the editor, N the note, Enter (or Ctrl/Cmd+Enter inside a
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
      if (isMod || isTypingTarget(event.target) || document.querySelector("dialog[open]")) return;
      const digit = Number(event.key);
      if (Number.isInteger(digit) && digit >= 1 && digit <= Math.min(current.optionCount, 9)) {
        event.preventDefault();
        current.onPick(digit - 1);
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
