import { sql } from "kysely";
import { getDatabase } from "@/db";
import { goldloopVersion } from "@/server/lib/version";

export type Health = { status: "ok" | "degraded"; database: "ok" | "unreachable"; version: string; uptimeSeconds: number };

const HEALTH_QUERY_TIMEOUT_MS = 2_000;

/** Checks that Postgres answers within two seconds. */
export async function checkHealth(): Promise<Health> {
  const probe = sql`select 1`.execute(getDatabase());
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), HEALTH_QUERY_TIMEOUT_MS).unref());
  const isDatabaseUp = await Promise.race([probe, timeout]).then(
    () => true,
    () => false,
  );
  return {
    status: isDatabaseUp ? "ok" : "degraded",
    database: isDatabaseUp ? "ok" : "unreachable",
    version: goldloopVersion,
    uptimeSeconds: Math.round(process.uptime()),
  };
}
