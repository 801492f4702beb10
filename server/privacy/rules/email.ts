import { findSpans, type RedactionRule } from "./rule";

// Bounded repeats (RFC 5321: 64-character local part, 253-character domain) keep the scan linear: an
// unbounded local part would backtrack over every long word before an "@".
const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![\w-])/g;

export const emailRule: RedactionRule = {
  counterKey: "email",
  token: "[EMAIL]",
  find: (text, profile) => (profile.hasAt ? findSpans(text, EMAIL) : []),
};
