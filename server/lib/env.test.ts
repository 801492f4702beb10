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
});
