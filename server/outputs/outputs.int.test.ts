import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { ingestOutputs } from "@/server/ingest/service";
import type { SessionUser } from "@/server/users/schema";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let projectId = "";
const idOf = new Map<string, number>();

const callerFor = (user: SessionUser) => createCaller(createInnerContext({ db: testDb.db, user }));
const lead = () => callerFor(team.members.lead);

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  projectId = team.project.id;
  const outputs = [
    { external_id: "t-1", input: "First turn about refunds", output: "Ask away.", session_id: "chat-9" },
    { external_id: "t-2", input: "Second turn about refunds", output: "Five days.", session_id: "chat-9", redacted: true },
    { external_id: "private", input: "Private chat", output: "Not for review.", consent: false },
    { external_id: "copy-a", input: "Same words", output: "Same answer." },
    { external_id: "copy-b", input: "Same words", output: "Same answer." },
    { external_id: "removed", input: "Removed once", output: "Gone." },
  ].map(({ redacted: _redacted, ...output }, index) => ({ ...output, model: "bot", produced_at: new Date(Date.UTC(2026, 10, 24, 9, index)).toISOString() }));
  const result = await ingestOutputs(testDb.db, { projectId, apiKeyId: null }, outputs);
  for (const item of result.results) if (item.status === "created") idOf.set(item.external_id, item.id);
  await testDb.db.updateTable("outputs").set({ redaction_counts: JSON.stringify({ email: 2 }) }).where("id", "=", idOf.get("t-2")!).execute();
});

describe("outputs.list and outputs.get", () => {
  it("pages previews newest first and filters as the REST API does", async () => {
    const first = await callerFor(team.members.ml).outputs.list({ projectId, limit: 4 });
    expect(first.outputs.map((output) => output.externalId)).toEqual(["removed", "copy-b", "copy-a", "private"]);
    expect(first.outputs[0]).toMatchObject({ inputPreview: "Removed once", outputPreview: "Gone.", input: null, output: null, consent: true });
    const second = await callerFor(team.members.ml).outputs.list({ projectId, limit: 4, cursor: first.nextCursor! });
    expect(second.outputs.map((output) => output.externalId)).toEqual(["t-2", "t-1"]);
    expect(second.nextCursor).toBeNull();
    expect((await lead().outputs.list({ projectId, q: "refunds", sessionId: "chat-9", consent: true })).outputs).toHaveLength(2);
  });

  it("shows an output's redaction counts and the other turns of its thread", async () => {
    const detail = await lead().outputs.get({ projectId, outputId: idOf.get("t-2")! });
    expect(detail.output).toMatchObject({ externalId: "t-2", sessionId: "chat-9", redactionCounts: { email: 2 } });
    expect(detail.thread.map((turn) => turn.externalId)).toEqual(["t-1", "t-2"]);
    await expect(lead().outputs.get({ projectId, outputId: 999_999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a bad cursor naming the field", async () => {
    const error = await lead()
      .outputs.list({ projectId, cursor: "bm9wZQ" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/cursor/) });
  });
});

describe("outputs.addToQueue", () => {
  it("adds picked outputs as manual items with π = 1, audited, and says why it skipped the others", async () => {
    const queue = await seedQueue(testDb.db, { projectId, name: "Hand-picked" });
    await testDb.db.insertInto("queue_removed_outputs").values({ project_id: projectId, queue_id: queue.id, output_id: idOf.get("removed")!, reason: "off topic" }).execute();
    const picked = ["t-1", "private", "copy-a", "copy-b", "removed"].map((externalId) => idOf.get(externalId)!);

    const result = await lead().outputs.addToQueue({ projectId, queueId: queue.id, outputIds: picked });
    // Of two outputs with the same content one goes in, whichever; the other is the duplicate.
    const [keptCopy, sameContent] = result.added.includes(idOf.get("copy-a")!) ? ["copy-a", "copy-b"] : ["copy-b", "copy-a"];
    expect([...result.added].sort((a, b) => a - b)).toEqual([idOf.get("t-1")!, idOf.get(keptCopy)!].sort((a, b) => a - b));
    expect(result.skipped).toHaveLength(3);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { outputId: idOf.get("private"), reason: "no_consent" },
        { outputId: idOf.get("removed"), reason: "removed_from_queue" },
        { outputId: idOf.get(sameContent), reason: "same_content_in_queue" },
      ]),
    );
    const items = await testDb.db.selectFrom("queue_items").select(["output_id", "provenance", "inclusion_probability", "state"]).where("queue_id", "=", queue.id).execute();
    expect(items).toHaveLength(2);
    expect(items.every((item) => item.provenance === "manual" && item.inclusion_probability === 1 && item.state === "pending")).toBe(true);
    const audit = await testDb.db.selectFrom("audit_log").select(["action", "actor_user_id", "data"]).where("target_id", "=", queue.id).execute();
    expect(audit).toEqual([{ action: "queue.outputs_added", actor_user_id: team.members.lead.id, data: expect.objectContaining({ added: result.added }) }]);

    const again = await lead().outputs.addToQueue({ projectId, queueId: queue.id, outputIds: [idOf.get("t-1")!] });
    expect(again).toMatchObject({ added: [], skipped: [{ outputId: idOf.get("t-1"), reason: "already_in_queue" }] });
    const lineage = await lead().outputs.get({ projectId, outputId: idOf.get("t-1")! });
    expect(lineage.queueItems).toEqual([expect.objectContaining({ queueName: "Hand-picked", provenance: "manual", state: "pending" })]);
  });

  it("adds nothing when a selected output is another project's, or the queue is", async () => {
    const foreign = await seedProjectTeam(testDb.db);
    const [foreignOutput] = (await ingestOutputs(testDb.db, { projectId: foreign.project.id, apiKeyId: null }, [{ external_id: "f", input: "x", output: "y" }])).results;
    const queue = await seedQueue(testDb.db, { projectId });
    const foreignQueue = await seedQueue(testDb.db, { projectId: foreign.project.id });
    await expect(
      lead().outputs.addToQueue({ projectId, queueId: queue.id, outputIds: [idOf.get("t-1")!, (foreignOutput as { id: number }).id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/not in this project/) });
    await expect(lead().outputs.addToQueue({ projectId, queueId: foreignQueue.id, outputIds: [idOf.get("t-1")!] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.db.selectFrom("queue_items").select("id").where("queue_id", "=", queue.id).execute()).toEqual([]);
  });

  it("is refused to annotators and ML engineers", async () => {
    const queue = await seedQueue(testDb.db, { projectId });
    for (const member of [team.members.annotator, team.members.ml]) {
      await expect(callerFor(member).outputs.addToQueue({ projectId, queueId: queue.id, outputIds: [idOf.get("t-1")!] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
