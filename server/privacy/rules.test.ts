import { describe, expect, it } from "vitest";
import { createRedactor } from "./redactor";
import { passesLuhn } from "./rules/card";
import { entropyBitsPerCharacter } from "./rules/secret";
import { defaultPrivacySettings, type BuiltInRule } from "./schema";

/** Redacts with only `rule` on, returning the text and the counts. */
function redactWith(rule: BuiltInRule, text: string) {
  const counts: Record<string, number> = {};
  const redacted = createRedactor({ ...defaultPrivacySettings, enabledRules: [rule] }).redactText(text, counts);
  return { redacted, counts };
}

// Test credentials are assembled at run time so secret scanners do not mistake this file for a leak.
const fake = (...parts: string[]) => parts.join("");

describe("email rule", () => {
  it.each([
    ["write to jane.doe+work@example.co.uk today", "write to [EMAIL] today"],
    ["<ops@mail.example.com>", "<[EMAIL]>"],
  ])("redacts %s", (text, expected) => {
    expect(redactWith("email", text)).toEqual({ redacted: expected, counts: { email: 1 } });
  });
  it.each(["@handle on social", "a@b", "user@localhost", "price 5@10"])("leaves %s", (text) => {
    expect(redactWith("email", text)).toEqual({ redacted: text, counts: {} });
  });
});

describe("phone rule", () => {
  it.each([
    ["call (415) 555-2671 now", "call [PHONE] now"],
    ["UK office +44 20 7946 0958.", "UK office [PHONE]."],
    ["Berlin: +49 30 901820", "Berlin: [PHONE]"],
  ])("redacts %s", (text, expected) => {
    expect(redactWith("phone", text)).toEqual({ redacted: expected, counts: { phone: 1 } });
  });
  it.each(["order 1234567 shipped", "version 1.2.3.4567", "in 2026-11-29 at 10:00", "timestamp 1764410000000", "+1 000 000 0000"])("leaves %s", (text) => {
    expect(redactWith("phone", text).counts).toEqual({});
  });
  it("stops asking libphonenumber after 200 windows of one text and redacts the rest unasked", () => {
    const text = Array.from({ length: 250 }, () => "1.1.1.1.1.1.1.1").join(" x ");
    expect(redactWith("phone", text).counts).toEqual({ phone: 50 });
  });
  it("finds national numbers only in the project's region", () => {
    const counts: Record<string, number> = {};
    const text = "ring 030 901820";
    expect(createRedactor({ ...defaultPrivacySettings, enabledRules: ["phone"], phoneRegion: "DE" }).redactText(text, counts)).toBe("ring [PHONE]");
    expect(createRedactor({ ...defaultPrivacySettings, enabledRules: ["phone"], phoneRegion: null }).redactText(text, {})).toBe(text);
  });
});

describe("card rule", () => {
  it("checks Luhn", () => {
    expect(passesLuhn("4111111111111111")).toBe(true);
    expect(passesLuhn("4111111111111112")).toBe(false);
    expect(passesLuhn("79927398713")).toBe(true);
  });
  it.each([
    ["card 4111 1111 1111 1111 exp 12/29", "card [CARD] exp 12/29"],
    ["amex 3782-822463-10005", "amex [CARD]"],
    ["mc 5555555555554444.", "mc [CARD]."],
  ])("redacts %s", (text, expected) => {
    expect(redactWith("card", text)).toEqual({ redacted: expected, counts: { card: 1 } });
  });
  it.each(["card 4111 1111 1111 1112", "id 1234567890123456", "ts 1764410000000", "digits 41111111111111111111111"])("leaves %s (fails Luhn, length or prefix)", (text) => {
    expect(redactWith("card", text)).toEqual({ redacted: text, counts: {} });
  });
});

describe("IBAN rule", () => {
  it.each([
    ["pay DE89 3704 0044 0532 0130 00 please", "pay [IBAN] please"],
    ["GB82WEST12345698765432", "[IBAN]"],
    ["to FR1420041010050500013M02606 NOW", "to [IBAN] NOW"],
  ])("redacts %s", (text, expected) => {
    expect(redactWith("iban", text)).toEqual({ redacted: expected, counts: { iban: 1 } });
  });
  it.each(["DE89 3704 0044 0532 0130 01", "GB82WEST12345698765433", "XX12345678901234567", "ISO 8601 and US12 words"])("leaves %s (bad checksum, country or length)", (text) => {
    expect(redactWith("iban", text)).toEqual({ redacted: text, counts: {} });
  });
});

describe("IP address rule", () => {
  it.each([
    ["from 192.168.1.20 at noon", "from [IP] at noon"],
    ["host 2001:db8::8a2e:370:7334.", "host [IP]."],
    ["loopback ::1", "loopback [IP]"],
    ["mapped ::ffff:10.0.0.1", "mapped [IP]"],
    // Words that end like a version marker, but are not one.
    ["my server 192.168.1.20", "my server [IP]"],
    ["connect over 10.0.0.7", "connect over [IP]"],
    ["dev 172.16.0.4", "dev [IP]"],
    ["whatever 1.2.3.4", "whatever [IP]"],
    ["rebuild 10.1.1.1", "rebuild [IP]"],
  ])("redacts %s", (text, expected) => {
    expect(redactWith("ip", text)).toEqual({ redacted: expected, counts: { ip: 1 } });
  });
  it.each(["version 1.2.3", "v1.2.3.4", "v 1.2.3.4", "(v1.2.3.4)", "ver. 1.2.3.4", "version 10.0.0.1", "Build 4.1.0.2", "release 10.4.2.1.7", "bad 300.1.1.1", "at 12:30:45", "C++ std::vector", "ratio 3:2"])("leaves %s", (text) => {
    expect(redactWith("ip", text)).toEqual({ redacted: text, counts: {} });
  });
});

describe("secret rule", () => {
  const tokens = {
    openai: fake("sk-proj-", "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z"),
    github: fake("gh", "p_", "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"),
    githubPat: fake("github", "_pat_", "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"),
    aws: fake("AKIA", "IOSFODNN7EXAMPLE"),
    slack: fake("xox", "b-", "1234567890-0987654321-AbCdEfGhIjKl"),
    google: fake("AIza", "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"),
    jwt: fake("eyJ", "hbGciOiJIUzI1NiJ9.", "eyJ", "zdWIiOiIxMjM0NTY3ODkwIn0.", "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
  };
  it.each(Object.entries(tokens))("redacts a %s token", (_, token) => {
    expect(redactWith("secret", `use ${token} here`)).toEqual({ redacted: "use [SECRET] here", counts: { secret: 1 } });
  });
  it("keeps the word Bearer and the key name readable", () => {
    expect(redactWith("secret", "Authorization: Bearer abcDEF123456ghiJKL789").redacted).toBe("Authorization: Bearer [SECRET]");
    expect(redactWith("secret", 'config api_key="x9Fq2Lm8Zr4Tb7Wc1Yd5" ok').redacted).toBe('config api_key="[SECRET]" ok');
  });
  it.each([
    "password: correcthorsebattery",
    "token=placeholder-value-here",
    "the sk-learn library",
    "skip-to-content-navigation-links",
    "Bearer token",
    "key: 1111111111111111",
  ])("leaves %s", (text) => {
    expect(redactWith("secret", text)).toEqual({ redacted: text, counts: {} });
  });
  it("measures entropy", () => {
    expect(entropyBitsPerCharacter("aaaa")).toBe(0);
    expect(entropyBitsPerCharacter("abcd")).toBe(2);
  });
});

describe("custom rules and overlaps", () => {
  it("applies a project's pattern with its token", () => {
    const counts: Record<string, number> = {};
    const redactor = createRedactor({ ...defaultPrivacySettings, customRules: [{ name: "order-id", pattern: "ORD-\\d{6}", caseInsensitive: true }] });
    expect(redactor.redactText("about ord-123456 and ORD-654321", counts)).toBe("about [CUSTOM:order-id] and [CUSTOM:order-id]");
    expect(counts).toEqual({ "custom:order-id": 2 });
  });
  it("keeps an email whole when it holds a phone-like run", () => {
    const counts: Record<string, number> = {};
    expect(createRedactor(defaultPrivacySettings).redactText("mail 4155552671@example.com", counts)).toBe("mail [EMAIL]");
    expect(counts).toEqual({ email: 1 });
  });
  it("redacts everything at once with the default settings and returns untouched text as the same string", () => {
    const counts: Record<string, number> = {};
    const redactor = createRedactor(defaultPrivacySettings);
    const text = "Jane (jane@example.com, +1 415 555 2671) paid with 4111-1111-1111-1111 from 203.0.113.9";
    expect(redactor.redactText(text, counts)).toBe("Jane ([EMAIL], [PHONE]) paid with [CARD] from [IP]");
    expect(counts).toEqual({ email: 1, phone: 1, card: 1, ip: 1 });
    const clean = "Refunds take 5 business days.";
    expect(redactor.redactText(clean, counts)).toBe(clean);
  });
  it("redacts chat message content and only the chosen metadata keys", () => {
    const counts: Record<string, number> = {};
    const redactor = createRedactor({ ...defaultPrivacySettings, metadataKeys: ["customer_email"] });
    const conversation = [{ role: "user" as const, content: "I am bob@example.com" }, { role: "assistant" as const, content: "Hi Bob" }];
    expect(redactor.redactConversation(conversation, counts)).toEqual([{ role: "user", content: "I am [EMAIL]" }, conversation[1]]);
    expect(redactor.redactMetadata({ customer_email: "bob@example.com", note: "bob@example.com", n: 3 }, counts)).toEqual({ customer_email: "[EMAIL]", note: "bob@example.com", n: 3 });
    expect(counts).toEqual({ email: 2 });
  });
  it("redacts every metadata key's text with *", () => {
    const counts: Record<string, number> = {};
    const redactor = createRedactor({ ...defaultPrivacySettings, metadataKeys: ["*"] });
    expect(redactor.redactMetadata({ a: "bob@example.com", b: "203.0.113.9", c: "web", n: 3 }, counts)).toEqual({ a: "[EMAIL]", b: "[IP]", c: "web", n: 3 });
    expect(counts).toEqual({ email: 1, ip: 1 });
  });
  it("stays linear on adversarial text", () => {
    const counts: Record<string, number> = {};
    const text = `${"a".repeat(200_000)} ${"1.".repeat(50_000)} ${"a:".repeat(50_000)} ${"4".repeat(100_000)} @`;
    expect(createRedactor(defaultPrivacySettings).redactText(text, counts)).toContain("@");
  });
});
