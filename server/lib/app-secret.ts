import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getEnv } from "./env";

/**
 * Makes sure NEXTAUTH_SECRET is set. Without one configured, a random secret is created on first start and
 * kept in `<dataDir>/auth-secret`, so sessions survive restarts and a fresh install needs no configuration.
 */
export function ensureAppSecret(dataDir: string): void {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

/** The secret that signs sessions and, through a derived key, collaboration tokens. */
export function getAppSecret(): string {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: start Goldloop through server/main.ts or set it");
  return secret;
}
