import { describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/users/schema";
import { insertAuditEntry } from "./queries";

const testDb = setUpTestDatabase();
const as = (user: SessionUser) => createCaller(createInnerContext({ db: testDb.db, user }));

describe("audit log", () => {
  it("pages newest first on the entry id, each entry exactly once, and only the project's own", async () => {
    const { project, members } = await seedProjectTeam(testDb.db);
    const other = await seedProjectTeam(testDb.db);
    for (let index = 0; index < 23; index += 1) {
      await insertAuditEntry(testDb.db, { projectId: project.id, actorUserId: members.admin.id, action: "queue.created", targetType: "queue", data: { index } });
      await insertAuditEntry(testDb.db, { projectId: other.project.id, action: "queue.created", targetType: "queue", data: { index } });
    }
    const caller = as(members.admin);
    const seen: number[] = [];
    let cursor: number | undefined;
    for (;;) {
      const page = await caller.audit.list({ projectId: project.id, limit: 10, cursor });
      seen.push(...page.map((entry) => entry.id));
      if (page.length < 10) break;
      cursor = page[page.length - 1]!.id;
    }
    expect(seen).toHaveLength(23);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(23);
    const first = await caller.audit.list({ projectId: project.id, limit: 1 });
    expect(first[0]).toMatchObject({ action: "queue.created", data: { index: 22 }, actorName: members.admin.name });
  });

  it("refuses a bad cursor with a message naming it", async () => {
    const { project, members } = await seedProjectTeam(testDb.db);
    await expect(as(members.admin).audit.list({ projectId: project.id, cursor: -4 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cursor must be an audit entry id") });
  });
});
