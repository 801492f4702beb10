import { type TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { seedProjectTeam, seedUser } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/users/schema";

const testDb = setUpTestDatabase();
const as = (user: SessionUser | null) => createCaller(createInnerContext({ db: testDb.db, user }));
const tokenOf = (url: string) => url.split("/invite/")[1]!;


describe("invites", () => {
  it("turn a link into an account and a membership, exactly once", async () => {
    const { project, members } = await seedProjectTeam(testDb.db);
    const invite = await as(members.admin).invites.create({ projectId: project.id, role: "lead", note: "for Ana" });
    expect(invite.url).toMatch(/\/invite\/inv_/);
    const token = tokenOf(invite.url);

    await expect(as(null).invites.inspect({ token })).resolves.toMatchObject({ status: "valid", projectName: project.name, role: "lead" });
    const joined = await as(null).invites.register({ token, name: "Ana", email: "Ana@Example.test", password: "a long password" });
    expect(joined).toEqual({ email: "ana@example.test", projectSlug: project.slug, role: "lead" });

    await expect(as(null).invites.inspect({ token })).resolves.toMatchObject({ status: "accepted" });
    const second = as(null).invites.register({ token, name: "Eve", email: "eve@example.test", password: "a long password" });
    await expect(second).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const eve = await testDb.db.selectFrom("users").select("id").where("email", "=", "eve@example.test").executeTakeFirst();
    expect(eve, "a refused registration writes nothing").toBeUndefined();

    const list = await as(members.admin).members.list({ projectId: project.id });
    expect(list.find((member) => member.email === "ana@example.test")?.role).toBe("lead");
  });

  it("let a signed-in person join, and keep an existing member's role", async () => {
    const { project, members } = await seedProjectTeam(testDb.db);
    const newcomer = await seedUser(testDb.db);
    const forNewcomer = await as(members.admin).invites.create({ projectId: project.id, role: "ml" });
    await expect(as(newcomer).invites.accept({ token: tokenOf(forNewcomer.url) })).resolves.toMatchObject({ role: "ml" });
    const forLead = await as(members.admin).invites.create({ projectId: project.id, role: "annotator" });
    await expect(as(members.lead).invites.accept({ token: tokenOf(forLead.url) })).resolves.toMatchObject({ role: "lead" });
  });

  it("stop working when revoked or expired", async () => {
    const { project, members, outsider } = await seedProjectTeam(testDb.db);
    const revoked = await as(members.admin).invites.create({ projectId: project.id, role: "annotator" });
    await as(members.admin).invites.revoke({ projectId: project.id, inviteId: revoked.id });
    await expect(as(outsider).invites.accept({ token: tokenOf(revoked.url) })).rejects.toThrow(/revoked/);

    const expiring = await as(members.admin).invites.create({ projectId: project.id, role: "annotator" });
    await testDb.db.updateTable("invites").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", expiring.id).execute();
    await expect(as(outsider).invites.accept({ token: tokenOf(expiring.url) })).rejects.toThrow(/expired/);
    await expect(as(null).invites.inspect({ token: "inv_nonsense" })).resolves.toEqual({ status: "unknown" });
    await expect(as(members.admin).invites.list({ projectId: project.id })).resolves.toEqual([expect.objectContaining({ id: expiring.id, isExpired: true })]);
  });

  it("cannot be spent twice by two people racing", async () => {
    const { project, members } = await seedProjectTeam(testDb.db);
    const invite = await as(members.admin).invites.create({ projectId: project.id, role: "annotator" });
    const [first, second] = await Promise.all([seedUser(testDb.db), seedUser(testDb.db)]);
    const outcomes = await Promise.allSettled([
      as(first).invites.accept({ token: tokenOf(invite.url) }),
      as(second).invites.accept({ token: tokenOf(invite.url) }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
  });
});

describe("members", () => {
  it("change roles, and refuse to leave a project without an admin", async () => {
    const { project, members } = await seedProjectTeam(testDb.db);
    await as(members.admin).members.changeRole({ projectId: project.id, userId: members.annotator.id, role: "lead" });
    await expect(as(members.annotator).members.list({ projectId: project.id })).resolves.toBeDefined();
    const demoteLastAdmin = as(members.admin).members.changeRole({ projectId: project.id, userId: members.admin.id, role: "ml" });
    await expect(demoteLastAdmin).rejects.toMatchObject({ code: "CONFLICT" });
    const removeLastAdmin = as(members.admin).members.remove({ projectId: project.id, userId: members.admin.id });
    await expect(removeLastAdmin).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("are refused on their very next call once removed", async () => {
    const { project, members } = await seedProjectTeam(testDb.db);
    await expect(as(members.annotator).projects.get({ projectId: project.id })).resolves.toMatchObject({ role: "annotator" });
    await as(members.admin).members.remove({ projectId: project.id, userId: members.annotator.id });
    const afterRemoval = await as(members.annotator).projects.get({ projectId: project.id }).catch((error: TRPCError) => error.code);
    expect(afterRemoval).toBe("FORBIDDEN");
    const audit = await as(members.admin).audit.list({ projectId: project.id });
    expect(audit.map((entry) => entry.action)).toContain("member.removed");
  });

  it("answer bad input with the field at fault", async () => {
    const { project, members } = await seedProjectTeam(testDb.db);
    const error = await as(members.admin)
      .members.changeRole({ projectId: project.id, userId: members.lead.id, role: "owner" as "admin" })
      .catch((caught: TRPCError) => caught);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    const unknownMember = await as(members.admin)
      .members.remove({ projectId: project.id, userId: "00000000-0000-4000-8000-000000000000" })
      .catch((caught: TRPCError) => caught);
    expect(unknownMember).toMatchObject({ code: "NOT_FOUND" });
  });
});
