import { findPhoneNumbersInText, type CountryCode } from "libphonenumber-js/max";
import type { RedactionRule, TextSpan } from "./rule";

// A run that could be a phone number: an optional +, then 7 to 20 digits with the separators people write
// ((415) 555-2671, +44 20 7946 0958, 030/901820). Bounded, so the scan is linear and libphonenumber only
// parses short windows.
const PHONE_CANDIDATE = /(?<![\w+])\+?\(?\d[\d \t().\/-]{5,24}\d(?!\w)/g;

/**
 * libphonenumber takes 0.05–1 ms per window, so text that is one long table of digits would hold the
 * ingest for seconds. Past this many windows in one text, a window of 7–15 digits is redacted without
 * asking: over-redacting a pathological text is the safe side of the trade.
 */
const VALIDATED_WINDOWS_PER_TEXT = 200;

const countDigits = (window: string) => window.replace(/\D/g, "").length;

/**
 * Phone numbers that libphonenumber (Google's metadata, "max" build) finds VALID: international ones
 * (+44 20 7946 0958) anywhere, national ones (415-555-2671) in the project's default region. Digit runs that
 * are not a valid number for any region (order ids, timestamps) are left alone.
 */
export function createPhoneRule(defaultRegion: CountryCode | null): RedactionRule {
  const options = defaultRegion ? { defaultCountry: defaultRegion } : {};
  return {
    counterKey: "phone",
    token: "[PHONE]",
    find(text, profile) {
      if (!profile.mayHoldNumbers) return [];
      const spans: TextSpan[] = [];
      let windows = 0;
      PHONE_CANDIDATE.lastIndex = 0;
      for (let match = PHONE_CANDIDATE.exec(text); match !== null; match = PHONE_CANDIDATE.exec(text)) {
        windows += 1;
        if (windows > VALIDATED_WINDOWS_PER_TEXT) {
          const digits = countDigits(match[0]);
          if (digits >= 7 && digits <= 15) spans.push({ start: match.index, end: match.index + match[0].length });
          continue;
        }
        for (const found of findPhoneNumbersInText(match[0], options)) spans.push({ start: match.index + found.startsAt, end: match.index + found.endsAt });
      }
      return spans;
    },
  };
}
