import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as pullRelease } from "@/app/api/v1/datasets/[slug]/releases/[release]/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { publishAndWait } from "@/server/datasets/testing";
import { readGoldPage } from "@/server/gold-feed/service";
import { hashCanonicalContent, toCanonicalJson } from "@/server/ingest/content-hash";
import { insertOutputsWithQueueItems } from "@/server/ingest/queries";
import { queueItemsSettled } from "@/server/ingest/queue-item-plans";
import { ingestOutputs } from "@/server/ingest/service";
import { buildQueueInput } from "@/server/queues/test-fixtures";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
type Person = { id: string; email: string; name: string; isInstanceAdmin: boolean };
const callerFor = (user: Person) => createCaller(createInnerContext({ db: testDb.db, user }));
const projectId = () => team.project.id;

const preference = { type: "pairwise", key: "preference", title: "Which answer is better?" } as const;
const verdict = { type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "good", title: "Good" }, { value: "bad", title: "Bad" }] } as const;

const question = [{ role: "user", content: "How long do refunds take?" }];
const slowAnswer = "Refunds take 24 hours.";
const rightAnswer = "Refunds reach your card in 5 to 7 business days.";

async function ingest(items: unknown[]) {
  const result = await ingestOutputs(testDb.db, { projectId: projectId(), apiKeyId: null }, items);
  await queueItemsSettled();
  return result;
}

const stored = (externalId: string) =>
  testDb.db.selectFrom("outputs").select(["id", "input", "output", "candidates", "content_hash as contentHash"]).where("project_id", "=", projectId()).where("external_id", "=", externalId).executeTakeFirstOrThrow();

async function createQueue(fields: readonly unknown[], name: string, overlap = 2) {
  return callerFor(team.members.lead).queues.create({ projectId: projectId(), ...buildQueueInput({ rate: 1 }, { name, overlap, labelSchema: { fields: fields as never } }) });
}

const queuedExternalIds = async (queueId: string) =>
  (
    await testDb.db
      .selectFrom("queue_items")
      .innerJoin("outputs", "outputs.id", "queue_items.output_id")
      .select("outputs.external_id as externalId")
      .where("queue_items.project_id", "=", projectId())
      .where("queue_items.queue_id", "=", queueId)
      .orderBy("outputs.external_id")
      .execute()
  ).map((row) => row.externalId);

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
});
afterAll(async () => {
  await closeDatabase();
});

describe("candidates at ingest", () => {
  it("stores two or more candidates, with the first as the output when none is sent, redacted and hashed with the rest", async () => {
    const result = await ingest([
      { external_id: "pair-ingest-1", input: question, candidates: [{ output: slowAnswer, model: "bot-v1" }, { output: `${rightAnswer} Write to ana@example.com.`, model: "bot-v2" }] },
      { external_id: "pair-ingest-2", input: question, output: slowAnswer },
      { external_id: "pair-ingest-3", input: question, output: rightAnswer, candidates: [{ output: slowAnswer }, { output: rightAnswer }, { output: [{ role: "assistant", content: "Ask your bank." }] }] },
    ]);
    expect(result.summary).toEqual({ created: 3, duplicate: 0, rejected: 0 });

    const pair = await stored("pair-ingest-1");
    expect(pair.output).toBe(slowAnswer);
    expect(pair.candidates).toEqual([
      { output: slowAnswer, model: "bot-v1" },
      { output: `${rightAnswer} Write to [EMAIL].`, model: "bot-v2" },
    ]);
    expect(pair.contentHash).toBe(hashCanonicalContent(toCanonicalJson(pair.input), toCanonicalJson(pair.output), toCanonicalJson(pair.candidates)));
    // One output per input hashes as before candidates existed, so stored hashes stay valid.
    const single = await stored("pair-ingest-2");
    expect(single.candidates).toBeNull();
    expect(single.contentHash).toBe(hashCanonicalContent(toCanonicalJson(single.input), toCanonicalJson(single.output)));
    expect((await stored("pair-ingest-3")).output).toBe(rightAnswer);
  });

  it("the row path stores candidates too", async () => {
    const candidatesJson = toCanonicalJson([{ output: "a" }, { output: "b" }]);
    await insertOutputsWithQueueItems(testDb.db, projectId(), [
      {
        externalId: "pair-row-path",
        traceId: null,
        sessionId: null,
        model: null,
        inputJson: '"q"',
        outputJson: '"a"',
        candidatesJson,
        metadataJson: "{}",
        tags: [],
        endUserId: null,
        consent: true,
        contentHash: hashCanonicalContent('"q"', '"a"', candidatesJson),
        producedAt: null,
        suggestionJson: null,
        redactionCountsJson: "{}",
      },
    ], []);
    expect((await stored("pair-row-path")).candidates).toEqual([{ output: "a" }, { output: "b" }]);
  });

  it("rejects bad candidates by field, and an item with neither output nor candidates", async () => {
    const result = await ingest([
      { external_id: "bad-1", input: question, candidates: [{ output: slowAnswer }] },
      { external_id: "bad-2", input: question },
      { external_id: "bad-3", input: question, candidates: [{ output: slowAnswer }, { output: "" }] },
      { external_id: "bad-4", input: question, candidates: [{ output: slowAnswer }, { text: rightAnswer }] },
      { external_id: "bad-5", input: question, candidates: Array.from({ length: 9 }, (_, index) => ({ output: `answer ${index}` })) },
    ]);
    expect(result.results.map((item) => (item.status === "rejected" ? { field: item.field, reason: item.reason } : item))).toEqual([
      { field: "outputs[0].candidates", reason: "candidates must hold two or more outputs for the input (send one output as output)" },
      { field: "outputs[1].output", reason: "output is required (or candidates, for two or more outputs)" },
      { field: "outputs[2].candidates[1].output", reason: "must not be empty or only spaces" },
      { field: "outputs[3].candidates[1].output", reason: "must be text or an array of chat messages ({ role, content })" },
      { field: "outputs[4].candidates", reason: "candidates must hold at most 8 outputs" },
    ]);
  });
});

describe("pairwise queues", () => {
  it("sample only outputs with candidates, and a lead cannot add a single output by hand", async () => {
    const pairwise = await createQueue([preference], "Pairwise sampling");
    const plain = await createQueue([verdict], "Plain sampling");
    await ingest([
      { external_id: "sample-pair", input: question, candidates: [{ output: slowAnswer }, { output: rightAnswer }] },
      { external_id: "sample-single", input: question, output: `${slowAnswer} (single)` },
    ]);
    expect(await queuedExternalIds(pairwise.id)).toEqual(["sample-pair"]);
    expect(await queuedExternalIds(plain.id)).toEqual(["sample-pair", "sample-single"]);

    const single = await stored("sample-single");
    await expect(callerFor(team.members.lead).outputs.addToQueue({ projectId: projectId(), queueId: pairwise.id, outputIds: [single.id] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(`Pairwise sampling compares candidates, and output ${single.id} has one output`),
    });
    expect(await queuedExternalIds(pairwise.id)).toEqual(["sample-pair"]);
  });

  it("refuses a schema version that adds a pairwise field while single outputs wait in the queue", async () => {
    const queue = await createQueue([verdict], "Turned pairwise");
    await ingest([{ external_id: "waiting-single", input: question, output: "Refunds? Ask again later." }]);
    await expect(
      callerFor(team.members.lead).queues.updateLabelSchema({ projectId: projectId(), queueId: queue.id, labelSchema: { fields: [verdict, preference] } as never }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("a pairwise field compares candidates, and 1 open item has one output") });
  });

  it("resolves a preference by majority and exports it as a DPO pair of the two candidates, in every format", async () => {
    const queue = await createQueue([preference, verdict], "Refund preference");
    await ingest([
      { external_id: "prefer-b", input: question, candidates: [{ output: slowAnswer, model: "bot-v1" }, { output: rightAnswer, model: "bot-v2" }] },
      { external_id: "prefer-tie", input: question, candidates: [{ output: "Five days." }, { output: "5 days." }] },
    ]);
    const reviewers = await seedReviewers(testDb.db, { projectId: projectId(), count: 2 });
    const answers: Record<string, Record<string, unknown>[]> = {
      "prefer-b": [
        { preference: { choice: "b", strength: 3 }, verdict: "good" },
        { preference: { choice: "b", strength: 2 }, verdict: "good" },
      ],
      "prefer-tie": [
        { preference: { choice: "tie" }, verdict: "good" },
        { preference: { choice: "tie" }, verdict: "good" },
      ],
    };
    for (const [index, reviewer] of reviewers.entries()) {
      for (let task = await callerFor(reviewer).review.claimNext({ projectId: projectId(), queueId: queue.id }); task; task = await callerFor(reviewer).review.claimNext({ projectId: projectId(), queueId: queue.id })) {
        expect(task.output.candidates).toHaveLength(2);
        await callerFor(reviewer).review.submit({ projectId: projectId(), assignmentId: task.assignment.id, values: answers[task.output.externalId]![index] as never });
      }
    }
    const gold = await testDb.db
      .selectFrom("gold_labels")
      .innerJoin("outputs", "outputs.id", "gold_labels.output_id")
      .select(["outputs.external_id as externalId", "gold_labels.values"])
      .where("gold_labels.queue_id", "=", queue.id)
      .orderBy("outputs.external_id")
      .execute();
    expect(gold).toEqual([
      { externalId: "prefer-b", values: { preference: { choice: "b", strength: 3 }, verdict: "good" } },
      { externalId: "prefer-tie", values: { preference: { choice: "tie" }, verdict: "good" } },
    ]);

    // The gold feed teaches the candidate gold chose.
    const feed = await readGoldPage(testDb.db, projectId(), { since: "0", queue: queue.id, limit: 10 });
    expect(feed.data.map((entry) => [entry.external_id, entry.gold_output]).sort()).toEqual([
      ["prefer-b", rightAnswer],
      ["prefer-tie", "Five days."],
    ]);

    const ml = callerFor(team.members.ml);
    const dataset = await ml.datasets.create({ projectId: projectId(), name: "Refund preferences", queueIds: [queue.id] });
    await publishAndWait(testDb.db, ml, { projectId: projectId(), datasetId: dataset.id });
    const { secret } = await callerFor(team.members.admin).apiKeys.create({ projectId: projectId(), name: "trainer", scopes: ["datasets:read"] });
    const pull = async (query: string) => {
      const request = new Request(`http://localhost/api/v1/datasets/${dataset.slug}/releases/1${query}`, { headers: { authorization: `Bearer ${secret}` } });
      const response = await pullRelease(request, { params: Promise.resolve({ slug: dataset.slug, release: "1" }) });
      return { response, lines: (await response.text()).split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
    };

    const jsonl = await pull("");
    expect(jsonl.lines.map((line) => [line.external_id, line.candidates]).sort()).toEqual([
      ["prefer-b", [{ output: slowAnswer, model: "bot-v1" }, { output: rightAnswer, model: "bot-v2" }]],
      ["prefer-tie", [{ output: "Five days." }, { output: "5 days." }]],
    ]);
    // A tie prefers nothing, so only the decided pair trains: chosen is B, rejected A.
    const dpo = await pull("?format=dpo");
    expect(dpo.response.headers.get("x-goldloop-row-count")).toBe("1");
    expect(dpo.lines).toEqual([{ prompt: question, chosen: [{ role: "assistant", content: rightAnswer }], rejected: [{ role: "assistant", content: slowAnswer }] }]);
    const openai = await pull("?format=openai");
    expect(openai.lines.map((line) => (line.messages as { content: string }[]).at(-1)!.content).sort()).toEqual(["Five days.", rightAnswer]);
  });
});
