import { describe, expect, it } from "vitest";
import { seedUser } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { verifyPassword } from "@/server/auth/passwords";
import { ForbiddenError } from "@/server/lib/errors";
import { findUserByEmail } from "@/server/users/queries";
import { generateDemoTraffic } from "./conversations";
import { loadDemoProject } from "./service";

const testDb = setUpTestDatabase();

describe("demo project", () => {
  it("fills every stage of the loop: outputs, two queues, gold, conflicts and a release, owned by the caller", async () => {
    const owner = await seedUser(testDb.db, { isInstanceAdmin: true });
    const demo = await loadDemoProject(testDb.db, owner);

    expect(demo.summary.outputs).toBe(300);
    expect(demo.summary.queued).toBeGreaterThan(50);
    expect(demo.summary.gold).toBeGreaterThan(0);
    expect(demo.summary.conflicts).toBeGreaterThan(0);
    expect(demo.summary.release).toBe(1);
    const queues = await testDb.db.selectFrom("queues").select("name").where("project_id", "=", demo.project.id).execute();
    expect(queues).toHaveLength(2);
    const triageItems = await testDb.db
      .selectFrom("queue_items")
      .innerJoin("queues", "queues.id", "queue_items.queue_id")
      .where("queues.name", "=", "Thumbs-down triage")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow();
    // Only outputs whose users gave a thumbs-down reach the triage queue, through signals sent after ingest.
    expect(Number(triageItems.count)).toBeGreaterThan(0);
    const ownerRole = await testDb.db.selectFrom("memberships").select("role").where("project_id", "=", demo.project.id).where("user_id", "=", owner.id).executeTakeFirstOrThrow();
    expect(ownerRole.role).toBe("admin");
  });

  it("gives each demo its own people, with the password it prints, so one demo's password never opens another", async () => {
    const owner = await seedUser(testDb.db, { isInstanceAdmin: true });
    const first = await loadDemoProject(testDb.db, owner);
    const second = await loadDemoProject(testDb.db, owner);
    expect(second.project.slug).not.toBe(first.project.slug);
    expect(second.password).not.toBe(first.password);
    for (const [index, person] of second.people.entries()) {
      expect(person.email).not.toBe(first.people[index]!.email);
      const stored = await findUserByEmail(testDb.db, person.email);
      expect(await verifyPassword(second.password, stored!.passwordHash!)).toBe(true);
      const earlier = await findUserByEmail(testDb.db, first.people[index]!.email);
      expect(await verifyPassword(first.password, earlier!.passwordHash!)).toBe(true);
    }
  });

  it("is refused to people who cannot create projects", async () => {
    const someone = await seedUser(testDb.db);
    await expect(loadDemoProject(testDb.db, someone)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("generates the same traffic every time", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(generateDemoTraffic(50, now)).toEqual(generateDemoTraffic(50, now));
  });
});
