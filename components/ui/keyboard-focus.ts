// Shared by the page-wide key handlers so they agree on where a plain key is text and where Enter is taken.
// Client-safe: DOM globals are touched only when a function is called.

/** Input types that take no typed text: single-key shortcuts stay live on them (1–9 after clicking an option). */
const NON_TEXT_INPUT_TYPES = new Set(["radio", "checkbox", "button", "submit", "reset"]);

/** Controls on which Enter already means "activate this", so a page-wide Enter must leave it alone. */
const ACTIVATABLE_SELECTOR = "button, a[href], summary, [role=button], input[type=button], input[type=submit]";

/**
 * Whether a key pressed on `target` is text: a text field, textarea, select or contenteditable (such as
 * the CodeMirror editor). Radios, checkboxes and button-like inputs are not, so plain-key shortcuts work there.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUT_TYPES.has(target.type);
}

/**
 * Whether `target` is (inside) a button, link, summary or role=button, where Enter already activates it
 * and must not also submit or finalize.
 */
export function isActivatableTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest(ACTIVATABLE_SELECTOR) !== null;
}
