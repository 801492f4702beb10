import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { ingestSignals } from "@/server/ingest/signals-service";
import { buildOutputItem } from "@/server/ingest/test-fixtures";
import { removeQueueItem } from "@/server/queues/item-removal-service";
import { addQueue, ingestAll, queueItemsOf, type Team } from "./science-test-support";
import { backfillQueue } from "./service";
import { sampleIdleThreads } from "./thread-job";

const testDb = setUpTestDatabase();
const IDLE_MINUTES = 5;
let team: Team;
let lastTurns: string;
let negativeThreads: string;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
/**
 * s1: three turns a minute apart, one thread ending at its third turn. s2: two turns 15 minutes apart, more
 * than the idle time, so two threads. solo: an output without a session, a one-turn thread of its own.
 */
const TURNS = [
  { id: "s1-a", session: "s1", at: 10 },
  { id: "s1-b", session: "s1", at: 9 },
  { id: "s1-c", session: "s1", at: 8 },
  { id: "s2-a", session: "s2", at: 25 },
  { id: "s2-b", session: "s2", at: 10 },
  { id: "solo", session: null, at: 8 },
];

const backdate = (queueId: string) =>
  testDb.db.updateTable("queues").set({ created_at: new Date(Date.now() - 86_400_000) }).where("project_id", "=", team.project.id).where("id", "=", queueId).execute();

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  lastTurns = await addQueue(testDb.db, team, { rate: 1, thread: "last_turn", threadIdleMinutes: IDLE_MINUTES });
  negativeThreads = await addQueue(testDb.db, team, { rate: 1, thread: "last_turn", threadIdleMinutes: IDLE_MINUTES, signals: ["thumbs_down"] });
  // Created a day ago, so the job's first look covers these threads rather than leaving them to a backfill.
  await Promise.all([backdate(lastTurns), backdate(negativeThreads)]);
  await ingestAll(
    testDb.db,
    team,
    TURNS.map((turn, index) => buildOutputItem(index, { external_id: turn.id, produced_at: minutesAgo(turn.at), ...(turn.session ? { session_id: turn.session } : {}) })),
  );
});

const keysOf = async (queueId: string) => [...(await queueItemsOf(testDb.db, team, queueId)).keys()].sort();

describe("last turns of threads", () => {
  it("takes only outputs without a session at ingest: a turn is no last turn until its thread has been idle", async () => {
    expect(await keysOf(lastTurns)).toEqual(["solo"]);
    expect(await keysOf(negativeThreads)).toEqual([]);
  });

  it("takes each thread's last turn once the thread has been idle, and a second run adds nothing", async () => {
    await expect(sampleIdleThreads(testDb.db, team.project.id)).resolves.toBe(3);
    expect(await keysOf(lastTurns)).toEqual(["s1-c", "s2-a", "s2-b", "solo"]);
    await testDb.db.updateTable("queues").set({ threads_sampled_until: null }).where("project_id", "=", team.project.id).execute();
    await expect(sampleIdleThreads(testDb.db, team.project.id)).resolves.toBe(0);
    const items = await queueItemsOf(testDb.db, team, lastTurns);
    expect([...items.values()].every((item) => item.pi === 1 && item.provenance === "rule" && item.stratum === "all")).toBe(true);
  });

  it("a thread with a negative signal on any turn queues its last turns; other threads stay out", async () => {
    expect(await keysOf(negativeThreads)).toEqual([]);
    await ingestSignals(testDb.db, { projectId: team.project.id }, [{ external_id: "s2-a", kind: "thumbs_down" }]);
    // The signal on s2's first turn counts for both of its thread ends (each covers its session up to it).
    expect(await keysOf(negativeThreads)).toEqual(["s2-a", "s2-b"]);
    await ingestSignals(testDb.db, { projectId: team.project.id }, [{ external_id: "s1-a", kind: "thumbs_down" }]);
    expect(await keysOf(negativeThreads)).toEqual(["s1-c", "s2-a", "s2-b"]);
  });

  it("backfill agrees with the job, and a removed last turn never comes back", async () => {
    const item = (await queueItemsOf(testDb.db, team, lastTurns)).get("s1-c")!;
    await removeQueueItem(testDb.db, { projectId: team.project.id, userId: team.members.lead.id }, { queueItemId: item.id, reason: "duplicate conversation" });
    await expect(backfillQueue(testDb.db, team.project.id, lastTurns)).resolves.toEqual({ scanned: TURNS.length, added: 0 });
    await testDb.db.updateTable("queues").set({ threads_sampled_until: null }).where("project_id", "=", team.project.id).execute();
    await sampleIdleThreads(testDb.db, team.project.id);
    expect(await keysOf(lastTurns)).toEqual(["s2-a", "s2-b", "solo"]);
  });
});
