import { describe, expect, it } from "vitest";
import { seedUser } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { verifyPassword } from "@/server/auth/passwords";
import { ForbiddenError } from "@/server/lib/errors";
import { findUserByEmail } from "@/server/users/queries";
import type { ChatMessage } from "@/server/ingest/schema";
import { conversationToText } from "@/server/items/conversation-text";
import { generateDemoTraffic } from "./conversations";
import { DEMO_OUTPUT_COUNT, loadDemoProject } from "./service";
import { supportTopics } from "./support-scenarios";

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

  it("answers every question with an answer to that question, and knows what each answer deserves", () => {
    const traffic = generateDemoTraffic(DEMO_OUTPUT_COUNT);
    const scenariosSeen = new Set<string>();
    for (const output of traffic.outputs) {
      const reference = traffic.reference.get(output.external_id)!;
      const topic = supportTopics.find((candidate) => candidate.tag === reference.topic)!;
      const scenario = topic.scenarios.find((candidate) => candidate.key === reference.scenario)!;
      scenariosSeen.add(`${topic.tag}/${scenario.key}`);
      const order = /#(\d{6})/.exec((output.input as ChatMessage[])[1]!.content)?.[1] ?? "";
      const fill = (text: string) => text.replaceAll("{order}", order);
      expect(output.tags).toContain(topic.tag);
      expect((output.input as ChatMessage[]).at(-1)).toEqual({ role: "user", content: fill(scenario.question) });
      expect(reference.goodAnswer).toBe(fill(scenario.goodAnswer));
      const answer = conversationToText(output.output);
      const flaw = scenario.flawedAnswers.find((candidate) => fill(candidate.text) === answer);
      expect(flaw ?? answer === reference.goodAnswer, `${output.external_id} answers "${scenario.question}" with "${answer}"`).toBeTruthy();
      expect(reference.verdict).toBe(flaw?.verdict ?? "correct");
    }
    // Every question is asked, so the demo shows the whole rubric.
    expect(scenariosSeen.size).toBe(supportTopics.flatMap((topic) => topic.scenarios).length);
    // The report that started this: "Is there a sandbox?" answered with the rate limit and marked correct.
    const sandbox = traffic.outputs.filter((output) => JSON.stringify(output.input).includes("sandbox"));
    expect(sandbox.length).toBeGreaterThan(0);
    for (const output of sandbox) expect(conversationToText(output.output)).not.toMatch(/requests per minute|429/);
  });

  it("releases only gold a careful reviewer would sign: the right verdict, and the good answer as the correction", async () => {
    const owner = await seedUser(testDb.db, { isInstanceAdmin: true });
    const demo = await loadDemoProject(testDb.db, owner);
    const { reference } = generateDemoTraffic(DEMO_OUTPUT_COUNT);
    const rows = await testDb.db
      .selectFrom("release_rows")
      .select(["external_id", "label", "correction", "method"])
      .where("project_id", "=", demo.project.id)
      .execute();
    expect(rows.length).toBeGreaterThan(5);
    const verdicts = new Set<string>();
    for (const row of rows) {
      const expected = reference.get(row.external_id)!;
      const verdict = (row.label as { verdict: string }).verdict;
      verdicts.add(verdict);
      expect(verdict, row.external_id).toBe(expected.verdict);
      expect(row.correction, row.external_id).toBe(expected.verdict === "correct" ? null : expected.goodAnswer);
    }
    // Release 1 teaches both what good looks like and how a flawed answer is fixed.
    expect(verdicts.has("correct")).toBe(true);
    expect([...verdicts].some((verdict) => verdict !== "correct")).toBe(true);
    const dataset = await testDb.db.selectFrom("datasets").innerJoin("users", "users.id", "datasets.created_by").select("users.name").where("datasets.project_id", "=", demo.project.id).executeTakeFirstOrThrow();
    expect(dataset.name).toBe("Max ML");
    expect(demo.people.map((person) => person.role)).toEqual(["annotator", "annotator", "lead", "ml"]);
  });

  it("generates the same traffic every time", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(generateDemoTraffic(50, now)).toEqual(generateDemoTraffic(50, now));
  });
});
