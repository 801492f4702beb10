import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";

/** The built-in redaction rules, in the order the settings page lists them. All are on unless a project turns one off. */
export const builtInRules = ["email", "phone", "card", "iban", "secret", "ip"] as const;
export const builtInRuleSchema = z.enum(builtInRules, `rules are ${builtInRules.join(", ")}`);
export type BuiltInRule = z.infer<typeof builtInRuleSchema>;

/** What each built-in rule replaces its matches with, and what it looks for (shown on the settings page and in the README). */
export const builtInRuleInfo: Record<BuiltInRule, { token: string; title: string; description: string }> = {
  email: { token: "[EMAIL]", title: "Email addresses", description: "name@example.com" },
  phone: { token: "[PHONE]", title: "Phone numbers", description: "Valid numbers by Google's libphonenumber: international anywhere, national in the default region" },
  card: { token: "[CARD]", title: "Payment card numbers", description: "13–19 digits that pass the Luhn checksum" },
  iban: { token: "[IBAN]", title: "IBANs", description: "Bank account numbers with a valid mod-97 checksum and the country's length" },
  secret: { token: "[SECRET]", title: "API keys and tokens", description: "OpenAI, Anthropic, GitHub, AWS, Slack, Google, Stripe keys, JWTs, Bearer credentials, private keys, random-looking key=value secrets" },
  ip: { token: "[IP]", title: "IP addresses", description: "Valid IPv4 and IPv6 addresses (not version numbers)" },
};

/** In the metadata keys to redact, stands for every key (for metadata that carries raw traces or free text). */
export const EVERY_METADATA_KEY = "*";

export const MAX_CUSTOM_RULES = 20;
export const MAX_CUSTOM_PATTERN_LENGTH = 300;
export const MAX_REDACTED_METADATA_KEYS = 50;
/** The longest text the tester takes: a long conversation, pasted. */
export const MAX_TEST_TEXT = 20_000;

export const customRuleSchema = z.object({
  name: safeText(40, { trim: true, tooLong: "a rule name is at most 40 characters" }).regex(
    /^[a-z0-9][a-z0-9_-]*$/,
    "name a rule with lowercase letters, digits, - and _ (it appears as [CUSTOM:name])",
  ),
  pattern: safeText(MAX_CUSTOM_PATTERN_LENGTH, { tooLong: `a pattern is at most ${MAX_CUSTOM_PATTERN_LENGTH} characters` }).min(1, "write a pattern"),
  caseInsensitive: z.boolean().default(false),
});
export type CustomRule = z.infer<typeof customRuleSchema>;

/** A region code for national phone numbers, such as US or DE; null finds only numbers written with +country code. */
export const phoneRegionSchema = safeText(2, { tooLong: "a region is a two-letter code such as US" })
  .regex(/^[A-Z]{2}$/, "a region is a two-letter code such as US")
  .nullable();

export const privacySettingsSchema = z.object({
  enabledRules: z.array(builtInRuleSchema).max(builtInRules.length, `at most the ${builtInRules.length} built-in rules`).transform((rules) => [...new Set(rules)]),
  customRules: z
    .array(customRuleSchema)
    .max(MAX_CUSTOM_RULES, `at most ${MAX_CUSTOM_RULES} custom rules`)
    .refine((rules) => new Set(rules.map((rule) => rule.name)).size === rules.length, "two custom rules share a name: give each its own"),
  metadataKeys: z
    .array(safeText(100, { trim: true, tooLong: "metadata keys are at most 100 characters" }).min(1, "metadata keys must not be empty"))
    .max(MAX_REDACTED_METADATA_KEYS, `at most ${MAX_REDACTED_METADATA_KEYS} metadata keys`)
    .transform((keys) => [...new Set(keys)]),
  phoneRegion: phoneRegionSchema,
});
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

/** A new project redacts everything built in, and national phone numbers as written in the US. */
export const defaultPrivacySettings: PrivacySettings = { enabledRules: [...builtInRules], customRules: [], metadataKeys: [EVERY_METADATA_KEY], phoneRegion: "US" };

export const updatePrivacySettingsSchema = privacySettingsSchema;
export type UpdatePrivacySettingsInput = z.infer<typeof updatePrivacySettingsSchema>;

/** The tester takes the settings as they are in the form, saved or not, so a rule can be tried before it is kept. */
export const testRedactionSchema = z.object({
  text: safeText(MAX_TEST_TEXT, { tooLong: `paste at most ${MAX_TEST_TEXT.toLocaleString("en")} characters` }),
  settings: privacySettingsSchema,
});
export type TestRedactionInput = z.infer<typeof testRedactionSchema>;

/** An end user's id as the app sent it with outputs and signals. */
/** Trimmed, as ingest trims the end_user_id it stores. */
export const endUserIdSchema = safeText(200, { trim: true, error: "end_user_id is required", tooLong: "end_user_id is at most 200 characters" }).min(1, "end_user_id must not be empty");

export const eraseEndUserSchema = z.object({ endUserId: endUserIdSchema });
export type EraseEndUserInput = z.infer<typeof eraseEndUserSchema>;

/** What an erasure deletes (or, previewed, would delete), table by table. */
export type ErasureCounts = {
  outputs: number;
  signals: number;
  queueItems: number;
  assignments: number;
  annotations: number;
  goldLabels: number;
  goldItems: number;
  collabDocuments: number;
  releaseRowsTombstoned: number;
};
