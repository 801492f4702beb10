import { isIP } from "node:net";
import { findSpans, type RedactionRule } from "./rule";

// Four dotted numbers, not part of a longer dotted run (1.2.3.4.5) and not a version ("v1.2.3.4").
const IPV4_CANDIDATE = /(?<![\w.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\w]|\.\d)/g;
// Hex groups joined by colons, at least two colons; isIP decides. Bounded, so it scans linearly.
const IPV6_CANDIDATE = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{1,4})?(?![\w:]|\.\d)/g;
const HAS_HEX_COLON = /[0-9A-Fa-f]?::?[0-9A-Fa-f]/;

// "version 1.2.3.4", "build 10.0.0.1", "v1.2.3.4": four dotted numbers right after such a word are a version,
// not an address. The word must start there: "server", "over", "rebuild" or "dev" end in the same letters
// and are followed by addresses all the time.
const VERSION_WORD_BEFORE = /(?<![\w])(?:version|ver\.?|release|build|v)\s?$/i;

const isIpv4 = (candidate: string, text: string, start: number) => isIP(candidate) === 4 && !VERSION_WORD_BEFORE.test(text.slice(Math.max(0, start - 10), start));
// "::" alone or a clock time like 12:30:45 is not an address worth redacting; isIP refuses the latter.
const isIpv6 = (candidate: string) => isIP(candidate) === 6 && /[0-9A-Fa-f]/.test(candidate);

export const ipAddressRule: RedactionRule = {
  counterKey: "ip",
  token: "[IP]",
  find(text, profile) {
    const v4 = profile.mayHoldNumbers ? findSpans(text, IPV4_CANDIDATE, { accept: isIpv4 }) : [];
    const v6 = profile.hasColon && HAS_HEX_COLON.test(text) ? findSpans(text, IPV6_CANDIDATE, { accept: isIpv6 }) : [];
    return v6.length === 0 ? v4 : [...v4, ...v6];
  },
};
