import { sql } from "kysely";
import type { Executor } from "@/db/executor";
import type { Json } from "@/db/types";

export type StoredPrivacySettings = {
  disabledRules: string[];
  customRules: Json;
  metadataKeys: string[];
  phoneRegion: string | null;
  updatedAt: Date;
};

/** A project's stored privacy settings, or undefined when it never saved any (the defaults apply). */
export async function findPrivacySettings(db: Executor, projectId: string): Promise<StoredPrivacySettings | undefined> {
  return db
    .selectFrom("privacy_settings")
    .select(["disabled_rules as disabledRules", "custom_rules as customRules", "metadata_keys as metadataKeys", "phone_region as phoneRegion", "updated_at as updatedAt"])
    .where("project_id", "=", projectId)
    .executeTakeFirst();
}

export async function upsertPrivacySettings(
  db: Executor,
  values: { projectId: string; disabledRules: string[]; customRules: Json; metadataKeys: string[]; phoneRegion: string | null; updatedBy: string | null },
): Promise<void> {
  const row = {
    disabled_rules: values.disabledRules,
    custom_rules: JSON.stringify(values.customRules),
    metadata_keys: values.metadataKeys,
    phone_region: values.phoneRegion,
    updated_by: values.updatedBy,
  };
  await db
    .insertInto("privacy_settings")
    .values({ project_id: values.projectId, ...row })
    .onConflict((conflict) => conflict.column("project_id").doUpdateSet({ ...row, updated_at: sql`now()` }))
    .execute();
}
