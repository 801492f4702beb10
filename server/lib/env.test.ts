import { describe, expect, it } from "vitest";
import { EnvError, getPublicUrl, parseEnv } from "./env";

describe("parseEnv", () => {
  it("fills in defaults for a bare environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, GOLDLOOP_DATA_DIR: ".goldloop", GOLDLOOP_ROLES: ["web", "collab", "worker"], LOG_LEVEL: "info" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(getPublicUrl(env)).toBe("http://localhost:3000");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", GITHUB_ID: " " }).DATABASE_URL).toBeUndefined();
  });

  it("names every bad variable in one error", () => {
    const attempt = () => parseEnv({ PORT: "http", DATABASE_URL: "mysql://x", GOLDLOOP_ROLES: "web,cron", NEXTAUTH_SECRET: "short" });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
    expect(attempt).toThrow(/GOLDLOOP_ROLES/);
    expect(attempt).toThrow(/NEXTAUTH_SECRET: must be at least 32 characters/);
  });

  it("requires provider settings in pairs", () => {
    expect(() => parseEnv({ GITHUB_ID: "abc" })).toThrow(/GITHUB_SECRET: set together with GITHUB_ID/);
    expect(() => parseEnv({ SMTP_URL: "smtp://localhost:25" })).toThrow(/SMTP_FROM/);
    expect(parseEnv({ GITHUB_ID: "abc", GITHUB_SECRET: "def" }).GITHUB_ID).toBe("abc");
  });

  it("prefers PUBLIC_URL for links, without a trailing slash", () => {
    expect(getPublicUrl(parseEnv({ PUBLIC_URL: "https://goldloop.example.com/" }))).toBe("https://goldloop.example.com");
  });

  it("reads the webhook settings: retry schedule and disable span as durations, the allow-list as host names", () => {
    const defaults = parseEnv({});
    expect(defaults.GOLDLOOP_WEBHOOK_RETRY_SCHEDULE).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(defaults.GOLDLOOP_WEBHOOK_DISABLE_AFTER).toBe(5 * 86_400_000);
    expect(defaults).toMatchObject({ GOLDLOOP_WEBHOOK_ALLOWED_HOSTS: [], GOLDLOOP_WEBHOOK_ALLOW_PRIVATE: false });
    const set = parseEnv({ GOLDLOOP_WEBHOOK_RETRY_SCHEDULE: "100ms, 1s", GOLDLOOP_WEBHOOK_DISABLE_AFTER: "2h", GOLDLOOP_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1, Hooks.Internal,[::1]", GOLDLOOP_WEBHOOK_ALLOW_PRIVATE: "true" });
    expect(set).toMatchObject({ GOLDLOOP_WEBHOOK_RETRY_SCHEDULE: [100, 1_000], GOLDLOOP_WEBHOOK_DISABLE_AFTER: 7_200_000, GOLDLOOP_WEBHOOK_ALLOWED_HOSTS: ["127.0.0.1", "hooks.internal", "::1"], GOLDLOOP_WEBHOOK_ALLOW_PRIVATE: true });
    expect(() => parseEnv({ GOLDLOOP_WEBHOOK_RETRY_SCHEDULE: "5s,soon" })).toThrow(/GOLDLOOP_WEBHOOK_RETRY_SCHEDULE.*use a duration such as 5s/);
    expect(() => parseEnv({ GOLDLOOP_WEBHOOK_ALLOW_PRIVATE: "yes" })).toThrow(/GOLDLOOP_WEBHOOK_ALLOW_PRIVATE: use true or false/);
  });
});
