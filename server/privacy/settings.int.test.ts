import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { defaultPrivacySettings, type PrivacySettings } from "./schema";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const as = (role: "annotator" | "lead" | "ml" | "admin") => createCaller(createInnerContext({ db: testDb.db, user: team.members[role] }));
const projectId = () => team.project.id;
const withCustom = (pattern: string, name = "rule"): PrivacySettings => ({ ...defaultPrivacySettings, customRules: [{ name, pattern, caseInsensitive: false }] });

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

describe("privacy settings", () => {
  it("start with every built-in rule on, save changes with an audit entry, and read them back", async () => {
    await expect(as("lead").privacy.getSettings({ projectId: projectId() })).resolves.toEqual(defaultPrivacySettings);
    const saved = await as("admin").privacy.updateSettings({ projectId: projectId(), enabledRules: ["email", "email", "card"], customRules: [], metadataKeys: ["user_email", "user_email"], phoneRegion: null });
    expect(saved).toEqual({ enabledRules: ["email", "card"], customRules: [], metadataKeys: ["user_email"], phoneRegion: null });
    await expect(as("lead").privacy.getSettings({ projectId: projectId() })).resolves.toEqual(saved);
    const audit = await testDb.db.selectFrom("audit_log").select(["action", "actor_user_id as actor"]).where("action", "=", "privacy_settings.updated").execute();
    expect(audit).toEqual([{ action: "privacy_settings.updated", actor: team.members.admin.id }]);
  });

  it.each([
    ["(unclosed", /not a valid regular expression/],
    ["a|", /matches empty text/],
    ["\\d*", /matches empty text/],
    ["(a+)+$", /could take too long/],
    ["(\\w+\\s?)+$", /could take too long/],
  ])("refuse the custom pattern %s with a 400 naming its field", async (pattern, message) => {
    const call = as("lead").privacy.updateSettings({ projectId: projectId(), ...withCustom(pattern) });
    await expect(call).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "customRules.0.pattern" } });
    await expect(call).rejects.toThrow(message);
    await expect(as("lead").privacy.testRedaction({ projectId: projectId(), text: "x", settings: withCustom(pattern) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "settings.customRules.0.pattern" },
    });
  });

  it("refuse bad names, repeated names, long patterns and too many rules through the schema", async () => {
    const bad = async (settings: PrivacySettings, path: string) => {
      const error = await as("lead").privacy.updateSettings({ projectId: projectId(), ...settings }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      const issues = ((error as { cause: { issues: { path: (string | number)[] }[] } }).cause).issues;
      expect(issues.map((issue) => issue.path.join("."))).toContain(path);
    };
    await bad(withCustom("ORD-\\d+", "Has Spaces"), "customRules.0.name");
    await bad({ ...defaultPrivacySettings, customRules: [{ name: "a", pattern: "A-\\d", caseInsensitive: false }, { name: "a", pattern: "B-\\d", caseInsensitive: false }] }, "customRules");
    await bad(withCustom(`X${"y".repeat(300)}`), "customRules.0.pattern");
    await bad({ ...defaultPrivacySettings, customRules: Array.from({ length: 21 }, (_, index) => ({ name: `r${index}`, pattern: `R${index}-\\d`, caseInsensitive: false })) }, "customRules");
    await bad({ ...defaultPrivacySettings, phoneRegion: "usa" }, "phoneRegion");
  });

  it("test pasted text with unsaved settings, as ingest would redact it", async () => {
    const result = await as("lead").privacy.testRedaction({
      projectId: projectId(),
      text: "Ticket ORD-123456 from jane@example.com, card 4111111111111111, not 4111111111111112",
      settings: withCustom("ORD-\\d{6}", "order-id"),
    });
    expect(result).toEqual({ redacted: "Ticket [CUSTOM:order-id] from [EMAIL], card [CARD], not 4111111111111112", counts: { "custom:order-id": 1, email: 1, card: 1 } });
  });

  it("are for leads and admins only", async () => {
    for (const role of ["annotator", "ml"] as const) {
      await expect(as(role).privacy.getSettings({ projectId: projectId() })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(as(role).privacy.testRedaction({ projectId: projectId(), text: "x", settings: defaultPrivacySettings })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
