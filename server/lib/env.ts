import { z } from "zod";
import { parseDuration } from "./durations";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const duration = (example: string) =>
  z.string().transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === null) ctx.addIssue({ code: "custom", message: `use a duration such as ${example} (ms, s, m, h or d)` });
    return ms ?? 0;
  });

const commaList = (text: string) => text.split(",").map((part) => part.trim()).filter(Boolean);

const serverRoles = ["web", "collab", "worker"] as const;
const logLevels = ["debug", "info", "warn", "error", "silent"] as const;
export type ServerRole = (typeof serverRoles)[number];

/** Every environment variable Goldloop reads. The README's configuration table mirrors this schema. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    GOLDLOOP_DATA_DIR: z.string().trim().min(1).default(".goldloop"),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: optionalText,
    PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    NEXTAUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    GOLDLOOP_ROLES: z
      .string()
      .default(serverRoles.join(","))
      .transform((value) => value.split(",").map((role) => role.trim()).filter(Boolean))
      .pipe(z.array(z.enum(serverRoles)).min(1, "name at least one of web, collab, worker")),
    LOG_LEVEL: z.enum(logLevels).default("info"),
    GITHUB_ID: optionalText,
    GITHUB_SECRET: optionalText,
    OIDC_ISSUER: optionalText.pipe(z.url().optional()),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_NAME: z.string().trim().min(1).default("Single sign-on"),
    REDIS_URL: optionalText.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
    SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
    SMTP_FROM: optionalText,
    // Webhook retries after each failed attempt; the delivery gives up after the last one.
    GOLDLOOP_WEBHOOK_RETRY_SCHEDULE: z
      .string()
      .default("5s,5m,30m,2h,5h,10h,10h")
      .transform(commaList)
      .pipe(z.array(duration("5s")).min(1, "list at least one retry delay, such as 5s,5m,30m")),
    GOLDLOOP_WEBHOOK_DISABLE_AFTER: z.string().default("5d").pipe(duration("5d")),
    GOLDLOOP_WEBHOOK_ALLOWED_HOSTS: z.string().default("").transform((text) => commaList(text).map((host) => host.toLowerCase().replace(/^\[|\]$/g, ""))),
    GOLDLOOP_WEBHOOK_ALLOW_PRIVATE: z.enum(["true", "false"], "use true or false").default("false").transform((value) => value === "true"),
  })
  .superRefine((env, ctx) => {
    const pairs: [keyof typeof env, keyof typeof env][] = [
      ["GITHUB_ID", "GITHUB_SECRET"],
      ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"],
      ["OIDC_ISSUER", "OIDC_CLIENT_ID"],
      ["SMTP_URL", "SMTP_FROM"],
    ];
    for (const [a, b] of pairs) {
      if (Boolean(env[a]) !== Boolean(env[b])) {
        ctx.addIssue({ code: "custom", path: [env[a] ? b : a], message: `set together with ${env[a] ? a : b}` });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Environment problems, one line per variable, for a start-up message that says what to fix. */
export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates a set of variables (process.env by default). */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  throw new EnvError(`invalid environment:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The validated environment of this process, read once. */
export function getEnv(): Env {
  return (cached ??= parseEnv());
}

/** Forgets the cached environment after the server fills in derived values (DATABASE_URL, secrets). */
export function refreshEnv(): Env {
  cached = undefined;
  return getEnv();
}

/** The URL people reach this server at, used in setup links, invites and next-auth callbacks. */
export function getPublicUrl(env: Env = getEnv()): string {
  return (env.PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

/** The two variables the logger needs, readable before the full environment is valid, so start-up errors still get logged. */
export function getLoggingEnv(): Pick<Env, "LOG_LEVEL" | "NODE_ENV"> {
  const schema = z.object({
    LOG_LEVEL: z.enum(logLevels).catch("info"),
    NODE_ENV: z.enum(["development", "production", "test"]).catch("development"),
  });
  return schema.parse({ LOG_LEVEL: process.env.LOG_LEVEL ?? "info", NODE_ENV: process.env.NODE_ENV ?? "development" });
}
