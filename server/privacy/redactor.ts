import type { CountryCode } from "libphonenumber-js/max";
import type { Conversation } from "@/server/ingest/schema";
import { redactText, type RedactionCounts } from "./redact-text";
import { cardRule } from "./rules/card";
import { createCustomRule } from "./rules/custom";
import { emailRule } from "./rules/email";
import { ibanRule } from "./rules/iban";
import { ipAddressRule } from "./rules/ip-address";
import { createPhoneRule } from "./rules/phone";
import type { RedactionRule } from "./rules/rule";
import { secretRule } from "./rules/secret";
import { EVERY_METADATA_KEY, type BuiltInRule, type PrivacySettings } from "./schema";

type MetadataValue = string | number | boolean | null;

/** A project's compiled rules: redacts text, conversations and the chosen metadata keys, adding to the counts it is given. */
export type Redactor = {
  redactText(text: string, counts: RedactionCounts): string;
  redactConversation<T extends Conversation>(conversation: T, counts: RedactionCounts): T;
  redactMetadata(metadata: Record<string, MetadataValue>, counts: RedactionCounts): Record<string, MetadataValue>;
};

/**
 * Ties between spans starting at the same place and of the same length go to the earlier rule: a secret
 * before anything inside it, then the validated number formats before the phone heuristic.
 */
function builtInRule(rule: BuiltInRule, settings: PrivacySettings): RedactionRule {
  switch (rule) {
    case "secret":
      return secretRule;
    case "email":
      return emailRule;
    case "iban":
      return ibanRule;
    case "card":
      return cardRule;
    case "ip":
      return ipAddressRule;
    case "phone":
      return createPhoneRule(settings.phoneRegion as CountryCode | null);
  }
}

const ruleOrder: readonly BuiltInRule[] = ["secret", "email", "iban", "card", "ip", "phone"];

/** Compiles a project's settings once; the result is reused for every text of a batch. */
export function createRedactor(settings: PrivacySettings): Redactor {
  const enabled = new Set(settings.enabledRules);
  const rules = [...ruleOrder.filter((rule) => enabled.has(rule)).map((rule) => builtInRule(rule, settings)), ...settings.customRules.map(createCustomRule)];
  const metadataKeys = new Set(settings.metadataKeys);
  const isEveryMetadataKey = metadataKeys.has(EVERY_METADATA_KEY);
  const redact = (text: string, counts: RedactionCounts) => (rules.length === 0 ? text : redactText(text, rules, counts));
  return {
    redactText: redact,
    redactConversation(conversation, counts) {
      if (typeof conversation === "string") return redact(conversation, counts) as typeof conversation;
      let changed = false;
      const messages = conversation.map((message) => {
        const content = redact(message.content, counts);
        if (content === message.content) return message;
        changed = true;
        return { ...message, content };
      });
      return (changed ? messages : conversation) as typeof conversation;
    },
    redactMetadata(metadata, counts) {
      if (metadataKeys.size === 0) return metadata;
      let redacted: Record<string, MetadataValue> | null = null;
      for (const key of isEveryMetadataKey ? Object.keys(metadata) : metadataKeys) {
        const value = metadata[key];
        if (typeof value !== "string") continue;
        const clean = redact(value, counts);
        if (clean === value) continue;
        redacted ??= { ...metadata };
        redacted[key] = clean;
      }
      return redacted ?? metadata;
    },
  };
}
