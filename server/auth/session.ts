import "server-only";
import { getServerSession } from "next-auth";
import { getDatabase } from "@/db";
import { getEnv } from "@/server/lib/env";
import type { SessionUser } from "@/server/users/schema";
import { loadSessionUser } from "@/server/users/service";
import { buildAuthOptions } from "./next-auth-options";

let authOptions: ReturnType<typeof buildAuthOptions> | undefined;

/** The next-auth options for this process, built once from the validated environment. */
export function getAuthOptions() {
  return (authOptions ??= buildAuthOptions(getEnv()));
}

/** The signed-in user for this request, re-read from Postgres; null when signed out, deleted or disabled. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(getAuthOptions())) as { userId?: string } | null;
  return session?.userId ? loadSessionUser(getDatabase(), session.userId) : null;
}
