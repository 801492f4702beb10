import { countrySpecs, isValidIBAN } from "ibantools";
import type { RedactionRule, TextSpan } from "./rule";

// Two capital letters and two check digits, then the account's letters and digits, either run together or
// in groups of four separated by single spaces (how IBANs are printed).
const IBAN_START = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?=[ ]?[A-Z0-9])/g;
const IBAN_CHARACTER = /[A-Z0-9]/;

/**
 * The IBAN starting at `start`, or null. The country's registered length says where it ends (so a capital
 * word after it is not swallowed), and the mod-97 checksum must hold.
 */
function readIban(text: string, start: number): TextSpan | null {
  const length = countrySpecs[text.slice(start, start + 2)]?.chars;
  if (!length) return null;
  let compact = "";
  let end = start;
  while (end < text.length && compact.length < length) {
    const character = text[end]!;
    if (IBAN_CHARACTER.test(character)) compact += character;
    else if (!(character === " " && IBAN_CHARACTER.test(text[end + 1] ?? ""))) break;
    end += 1;
  }
  if (compact.length !== length || IBAN_CHARACTER.test(text[end] ?? "") || /[a-z]/.test(text[end] ?? "")) return null;
  return isValidIBAN(compact) ? { start, end } : null;
}

export const ibanRule: RedactionRule = {
  counterKey: "iban",
  token: "[IBAN]",
  find(text, profile) {
    if (!profile.mayHoldNumbers) return [];
    const spans: TextSpan[] = [];
    IBAN_START.lastIndex = 0;
    for (let match = IBAN_START.exec(text); match !== null; match = IBAN_START.exec(text)) {
      const span = readIban(text, match.index);
      if (!span) continue;
      spans.push(span);
      IBAN_START.lastIndex = span.end;
    }
    return spans;
  },
};
