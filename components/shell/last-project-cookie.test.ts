import { describe, expect, it } from "vitest";
import { formatLastProjectCookie, LAST_PROJECT_COOKIE } from "./last-project-cookie";

describe("the last-project cookie", () => {
  it("is Secure when the app is served over https, and only then", () => {
    expect(formatLastProjectCookie("support bot", { isSecure: true })).toBe(
      `${LAST_PROJECT_COOKIE}=support%20bot; path=/; max-age=31536000; samesite=lax; secure`,
    );
    expect(formatLastProjectCookie("support-bot", { isSecure: false })).not.toMatch(/secure/);
  });
});
