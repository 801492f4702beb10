import { sql } from "kysely";
import { getDatabase } from "@/db";
import { classifyDatabaseOutage, DATABASE_RETRY_AFTER_SECONDS, type DatabaseOutageReason } from "@/server/lib/pg-errors";
import { goldloopVersion } from "@/server/lib/version";

export type Health =
  | { status: "ok"; database: "ok"; version: string; uptimeSeconds: number }
  | {
      status: "degraded";
      database: "unreachable";
      /** Why, e.g. "connection refused" or "timeout"; "error" when the probe failed some other way. */
      reason: DatabaseOutageReason | "error";
      version: string;
      uptimeSeconds: number;
    };

const HEALTH_QUERY_TIMEOUT_MS = 2_000;

class HealthProbeTimeout extends Error {}

/** Checks that Postgres answers within two seconds, and says why when it does not. */
export async function checkHealth(): Promise<Health> {
  const probe = sql`select 1`.execute(getDatabase());
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new HealthProbeTimeout()), HEALTH_QUERY_TIMEOUT_MS).unref());
  const failure = await Promise.race([probe, timeout]).then(
    () => null,
    (error: unknown) => error,
  );
  const version = goldloopVersion;
  const uptimeSeconds = Math.round(process.uptime());
  if (failure === null) return { status: "ok", database: "ok", version, uptimeSeconds };
  const reason = failure instanceof HealthProbeTimeout ? "timeout" : (classifyDatabaseOutage(failure) ?? "error");
  return { status: "degraded", database: "unreachable", reason, version, uptimeSeconds };
}

/** The status and headers of a health answer: 503 with Retry-After while the database is unreachable. */
export function healthResponseInit(health: Health): { status: number; headers: Record<string, string> } {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (health.status === "ok") return { status: 200, headers };
  return { status: 503, headers: { ...headers, "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } };
}
