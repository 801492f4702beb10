import { stripUnstorableText } from "@/server/lib/safe-text";

/** Collapses runs of whitespace and trims, so texts that differ only in spacing compare equal. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A correction worth keeping: null when the text is the original one, whitespace aside. */
export function toCorrection(text: string, originalText: string): string | null {
  return normalizeWhitespace(text) === normalizeWhitespace(originalText) ? null : text;
}

/**
 * The correction a collaboration document's text holds at submit time (see `readDocumentText` in
 * server/collab): null when there is no document at all, or when its text is the original one. NUL
 * characters and unpaired surrogates are left out: anyone editing a shared document can type a NUL, which
 * Postgres cannot store, and refusing it would let one stray keystroke block every submit and finalize of
 * the document until someone finds and deletes it.
 */
export function snapshotCorrection(documentText: string | null, originalText: string): string | null {
  if (documentText === null) return null;
  return toCorrection(stripUnstorableText(documentText), originalText);
}
