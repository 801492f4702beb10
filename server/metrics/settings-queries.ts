import type { Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { LoopSettings } from "./schema";
import type { Executor } from "@/db/executor";

/** The project's stored loop settings as written (possibly `{}`), or undefined for no such project. */
export async function findStoredLoopSettings(db: Executor, projectId: string): Promise<unknown> {
  const row = await db.selectFrom("projects").select("loop_settings as loopSettings").where("id", "=", projectId).executeTakeFirst();
  return row?.loopSettings;
}

export async function writeLoopSettings(trx: Transaction<DB>, projectId: string, settings: LoopSettings): Promise<void> {
  await trx.updateTable("projects").set({ loop_settings: JSON.stringify(settings) }).where("id", "=", projectId).execute();
}
