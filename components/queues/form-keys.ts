import type { KeyboardEvent } from "react";

type FormKey = { key: string; ctrlKey: boolean; metaKey: boolean; isComposing: boolean; targetTag: string };

/**
 * What a key does inside a long queue form. Ctrl/Cmd+Enter submits from anywhere. A plain Enter in a
 * one-line box would submit too (the browser's implicit submission), sending a half-built queue while the
 * lead is still typing titles and hints, so it does nothing there; textareas and the editor keep their newlines.
 * Enter that confirms an input method's composition is left to the input method.
 */
export function formKeyAction({ key, ctrlKey, metaKey, isComposing, targetTag }: FormKey): "submit" | "swallow" | "default" {
  if (key !== "Enter" || isComposing) return "default";
  if (ctrlKey || metaKey) return "submit";
  return targetTag === "INPUT" ? "swallow" : "default";
}

export function handleFormKeys(event: KeyboardEvent<HTMLFormElement>) {
  const { key, ctrlKey, metaKey, nativeEvent, target } = event;
  const action = formKeyAction({ key, ctrlKey, metaKey, isComposing: nativeEvent.isComposing, targetTag: (target as HTMLElement).tagName });
  if (action === "default") return;
  event.preventDefault();
  if (action === "submit") event.currentTarget.requestSubmit();
}
