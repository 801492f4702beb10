import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createInvite } from "@/server/members/invite-service";
import { NIGHTLY_MAINTENANCE_JOB, pruneExpiredInvites } from "./maintenance";
import { JOB_SCHEMA, startJobRunner } from "./runner";

const testDb = setUpTestDatabase();
const silentLog = { error: () => {}, warn: () => {} };


describe("job runner", () => {
  it("runs pg-boss in its own schema of the app database, with the nightly maintenance scheduled", async () => {
    const runner = await startJobRunner({ connectionString: testDb.url, db: testDb.db, log: silentLog });
    try {
      const schemas = await sql<{ name: string }>`select schema_name as name from information_schema.schemata where schema_name = ${JOB_SCHEMA}`.execute(testDb.db);
      expect(schemas.rows).toEqual([{ name: JOB_SCHEMA }]);
      await expect(runner.boss.getSchedules(NIGHTLY_MAINTENANCE_JOB)).resolves.toEqual([expect.objectContaining({ name: NIGHTLY_MAINTENANCE_JOB, cron: "17 3 * * *" })]);
      const jobId = await runner.boss.send(NIGHTLY_MAINTENANCE_JOB);
      await expect
        .poll(async () => (await runner.boss.findJobs(NIGHTLY_MAINTENANCE_JOB, { id: jobId! }))[0]?.state, { timeout: 15_000 })
        .toBe("completed");
    } finally {
      await runner.stop();
    }
  });

  it("prunes only invites that expired unused more than 30 days ago", async () => {
    const { project, members } = await seedProjectTeam(testDb.db);
    const actor = { projectId: project.id, userId: members.admin.id };
    const options = { publicUrl: "http://localhost", mailer: null };
    const [stale, recent, open] = await Promise.all([
      createInvite(testDb.db, actor, { role: "annotator", expiresInDays: 1 }, options),
      createInvite(testDb.db, actor, { role: "annotator", expiresInDays: 1 }, options),
      createInvite(testDb.db, actor, { role: "annotator", expiresInDays: 1 }, options),
    ]);
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    await testDb.db.updateTable("invites").set({ expires_at: daysAgo(31) }).where("id", "=", stale.id).execute();
    await testDb.db.updateTable("invites").set({ expires_at: daysAgo(5) }).where("id", "=", recent.id).execute();

    await expect(pruneExpiredInvites(testDb.db)).resolves.toBe(1);
    const remaining = await testDb.db.selectFrom("invites").select("id").where("project_id", "=", project.id).execute();
    expect(remaining.map((row) => row.id).sort()).toEqual([recent.id, open.id].sort());
  });
});
