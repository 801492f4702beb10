import { findSpans, type RedactionRule } from "./rule";

/** The Luhn checksum that every payment card number carries. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

// 13–19 digits, optionally grouped by single spaces or dashes, starting with a digit card networks issue
// (2–6: Mastercard, Amex, Diners, JCB, Visa, Discover, UnionPay), not glued to other digits.
const CARD_CANDIDATE = /(?<![\d-])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\d])/g;

/** A candidate is a card when its digits (13–19 of them) pass Luhn, so a random digit run is left alone nine times in ten. */
function isCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, "");
  return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits);
}

export const cardRule: RedactionRule = {
  counterKey: "card",
  token: "[CARD]",
  find: (text, profile) => (profile.mayHoldNumbers ? findSpans(text, CARD_CANDIDATE, { accept: isCardNumber }) : []),
};
