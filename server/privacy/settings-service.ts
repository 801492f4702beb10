import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { checkCustomPatterns } from "./custom-pattern-check";
import type { RedactionCounts } from "./redact-text";
import { createRedactor, type Redactor } from "./redactor";
import { builtInRules, customRuleSchema, defaultPrivacySettings, type PrivacySettings, type TestRedactionInput, type UpdatePrivacySettingsInput } from "./schema";
import { findPrivacySettings, upsertPrivacySettings, type StoredPrivacySettings } from "./settings-queries";

/** Who changes settings: a lead or admin of the project. */
export type PrivacyActor = { projectId: string; userId: string };

function toSettings(stored: StoredPrivacySettings | undefined): PrivacySettings {
  if (!stored) return defaultPrivacySettings;
  const disabled = new Set(stored.disabledRules);
  return {
    enabledRules: builtInRules.filter((rule) => !disabled.has(rule)),
    // Rules were checked on save; parsing again keeps a hand-edited row from breaking every ingest.
    customRules: z.array(customRuleSchema).catch([]).parse(stored.customRules),
    metadataKeys: stored.metadataKeys,
    phoneRegion: stored.phoneRegion,
  };
}

/** A project's privacy settings: what it saved, or the defaults (every built-in rule on). */
export async function getPrivacySettings(db: Kysely<DB>, projectId: string): Promise<PrivacySettings> {
  return toSettings(await findPrivacySettings(db, projectId));
}

/** Saves a project's settings after checking each custom pattern (a 400 naming the pattern's field), and audits the change. */
export async function updatePrivacySettings(db: Kysely<DB>, actor: PrivacyActor, input: UpdatePrivacySettingsInput): Promise<PrivacySettings> {
  checkCustomPatterns(input.customRules);
  const enabled = new Set(input.enabledRules);
  await db.transaction().execute(async (trx) => {
    await upsertPrivacySettings(trx, {
      projectId: actor.projectId,
      disabledRules: builtInRules.filter((rule) => !enabled.has(rule)),
      customRules: input.customRules,
      metadataKeys: input.metadataKeys,
      phoneRegion: input.phoneRegion,
      updatedBy: actor.userId,
    });
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "privacy_settings.updated",
      targetType: "project",
      targetId: actor.projectId,
      data: { enabledRules: input.enabledRules, customRules: input.customRules, metadataKeys: input.metadataKeys, phoneRegion: input.phoneRegion },
    });
  });
  return getPrivacySettings(db, actor.projectId);
}

/** Redacts pasted text with settings as they stand in the form (saved or not), exactly as ingest would. */
export function testRedaction(input: TestRedactionInput): { redacted: string; counts: RedactionCounts } {
  checkCustomPatterns(input.settings.customRules, "settings.customRules");
  const counts: RedactionCounts = {};
  const redacted = createRedactor(input.settings).redactText(input.text, counts);
  return { redacted, counts };
}

/** Compiled redactors by project, each valid while its settings row keeps the same updated_at. */
const redactorCache = new Map<string, { updatedAt: number; redactor: Redactor }>();
const REDACTOR_CACHE_SIZE = 500;
const DEFAULT_SETTINGS_STAMP = -1;

/**
 * The redactor for one ingest batch. The settings row is read once per batch (a primary-key lookup), so a
 * saved change applies to the very next batch on every process; compiling the rules happens only when the
 * row changed.
 */
export async function loadProjectRedactor(db: Kysely<DB>, projectId: string): Promise<Redactor> {
  const stored = await findPrivacySettings(db, projectId);
  const updatedAt = stored ? stored.updatedAt.getTime() : DEFAULT_SETTINGS_STAMP;
  const cached = redactorCache.get(projectId);
  if (cached?.updatedAt === updatedAt) return cached.redactor;
  const redactor = createRedactor(toSettings(stored));
  if (redactorCache.size >= REDACTOR_CACHE_SIZE) redactorCache.delete(redactorCache.keys().next().value!);
  redactorCache.set(projectId, { updatedAt, redactor });
  return redactor;
}
