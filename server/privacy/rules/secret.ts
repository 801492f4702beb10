import { findSpans, type RedactionRule, type TextSpan } from "./rule";

/**
 * Credentials with a published, recognisable shape. Each pattern starts with a literal prefix, so the
 * engine only tries it where the prefix occurs, and bounds its repeats, so it scans linearly.
 */
const PREFIXED_TOKENS: RegExp[] = [
  /(?<![\w-])sk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\d{2}-)?[A-Za-z0-9_-]{20,200}(?![\w-])/g, // OpenAI, Anthropic
  /(?<!\w)gh[pousr]_[A-Za-z0-9]{36,255}(?!\w)/g, // GitHub tokens
  /(?<!\w)github_pat_[A-Za-z0-9_]{22,255}(?!\w)/g, // GitHub fine-grained tokens
  /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g, // AWS access key ids
  /(?<![\w-])xox[abposr]-[A-Za-z0-9-]{10,250}(?![\w-])/g, // Slack
  /(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![\w-])/g, // Google API keys
  /(?<!\w)(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,247}(?!\w)/g, // Stripe secret and restricted keys
  /(?<![\w-])eyJ[A-Za-z0-9_-]{5,4000}\.eyJ[A-Za-z0-9_-]{5,8000}\.[A-Za-z0-9_-]{10,2000}(?![\w-])/g, // JWTs
  /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]{1,20000}?-----END [A-Z ]{0,40}PRIVATE KEY-----/g, // PEM private keys
];

// The credential after "Bearer " in an Authorization header; the word itself stays readable.
const BEARER_CREDENTIAL = /(?<=\bBearer[ \t]{1,10})[A-Za-z0-9._~+/-]{16,4000}=*/g;

// A value assigned to a key whose name says it is secret (api_key=…, "password": "…", token: …).
const SECRET_ASSIGNMENT =
  /(?<![A-Za-z0-9])(?:api[_-]?key|apikey|secret(?:[_-]?key)?|client[_-]?secret|access[_-]?token|auth[_-]?token|refresh[_-]?token|token|password|passwd|pwd|private[_-]?key)["']?[ \t]{0,5}[:=][ \t]{0,5}["']?([A-Za-z0-9_\-+/.=!@#$%^&*]{12,500})/gi;

/** Shannon entropy in bits per character. */
export function entropyBitsPerCharacter(value: string): number {
  const counts = new Map<string, number>();
  for (const character of value) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const share = count / value.length;
    bits -= share * Math.log2(share);
  }
  return bits;
}

/**
 * A generic assigned secret must look random (≥ 3.5 bits per character, letters and digits mixed), so
 * `password: correcthorse` in prose or `token=placeholder-value` in docs is left alone.
 */
function looksRandom(value: string): boolean {
  return /[A-Za-z]/.test(value) && /\d/.test(value) && entropyBitsPerCharacter(value) >= 3.5;
}

// One pass says whether any prefixed token or Bearer credential can be present.
const HAS_TOKEN_HINT = /sk-|gh[pousr]_|github_pat_|AKIA|ASIA|ABIA|ACCA|xox|AIza|_live_|_test_|eyJ|PRIVATE KEY|Bearer/;

export const secretRule: RedactionRule = {
  counterKey: "secret",
  token: "[SECRET]",
  find(text, profile) {
    const spans: TextSpan[] = [];
    if (HAS_TOKEN_HINT.test(text)) {
      for (const pattern of PREFIXED_TOKENS) spans.push(...findSpans(text, pattern));
      spans.push(...findSpans(text, BEARER_CREDENTIAL));
    }
    if (profile.hasColon || profile.hasEquals) spans.push(...findSpans(text, SECRET_ASSIGNMENT, { group: 1, accept: looksRandom }));
    return spans;
  },
};
