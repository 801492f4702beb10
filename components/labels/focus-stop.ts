import type { FieldStop } from "./field-stops";

/** A stop's name in the page (`data-stop`): the field key, and the criterion key for a rubric's criterion. */
export const stopName = (stop: FieldStop) => (stop.criterionKey ? `${stop.fieldKey}/${stop.criterionKey}` : stop.fieldKey);

/**
 * Moves focus into a stop after J/K, so focus and the active stop agree: the chosen option, else the first
 * control (a text or number field, or the corrected output's editor, is then ready to type in; Esc leaves it).
 */
export function focusStop(stop: FieldStop): void {
  const frame = document.querySelector(`[data-stop="${CSS.escape(stopName(stop))}"]`);
  const target = frame?.querySelector<HTMLElement>("input:checked") ?? frame?.querySelector<HTMLElement>("input, textarea, [contenteditable='true']");
  target?.focus({ preventScroll: false });
}
