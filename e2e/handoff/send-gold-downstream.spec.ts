import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, openE2eDatabase, test } from "../fixtures";
import { E2E_BASE_URL } from "../environment";
import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedGold, seedQueue } from "../../db/seed/loop";
import { createApiKey } from "../../server/api-keys/service";
import { createDataset } from "../../server/datasets/service";
import { checkOpenAiChatExample } from "../../server/datasets/formats/training-rules";
import { createReleaseReceiver, type PulledRelease } from "../../server/handoff/release-receiver";

/** The README's "Send gold to your optimizer" recipes, run against the real server. */
test.describe("send gold to your optimizer", () => {
  let project: { id: string; slug: string };
  const keys = { admin: "", reader: "" };
  let queueId = "";

  test.beforeAll(async () => {
    const db = openE2eDatabase();
    project = await seedProject(db, { name: "Hand-off" });
    const ml = await seedUser(db, { name: "Max ML" });
    await seedMembership(db, { projectId: project.id, userId: ml.id, role: "admin" });
    const actor = { projectId: project.id, userId: ml.id };
    queueId = (await seedQueue(db, { projectId: project.id, name: "Refund answers" })).id;
    for (let index = 0; index < 12; index += 1) {
      const correction = index % 3 === 0 ? null : `Refunds reach your card within ${index} business days.`;
      await seedGold(db, { projectId: project.id, queueId, externalId: `chat-${index}`, label: index % 2 === 0 ? "helpful" : "harmful", correction });
    }
    await createDataset(db, actor, { name: "Refund SFT", slug: "refund-sft", description: "", queueIds: [queueId], minConfidence: 0 });
    keys.admin = (await createApiKey(db, actor, { name: "nightly pipeline", scopes: ["admin"] })).secret;
    keys.reader = (await createApiKey(db, actor, { name: "trainer", scopes: ["datasets:read"] })).secret;
    await db.destroy();
  });

  test("a webhook receiver verifies release.published, pulls the OpenAI file, and every line passes OpenAI's checks", async ({ request }) => {
    const outDir = await mkdtemp(join(tmpdir(), "goldloop-receiver-"));
    // The endpoint needs the receiver's URL and the receiver the endpoint's secret: take a free port first.
    const port = await freePort();
    const created = await request.post("/api/v1/webhook-endpoints", {
      headers: { authorization: `Bearer ${keys.admin}` },
      data: { url: `http://127.0.0.1:${port}/goldloop`, description: "trainer", eventTypes: ["release.published"] },
    });
    expect(created.status()).toBe(201);
    const { secret } = (await created.json()) as { secret: string };
    let onRelease: (release: PulledRelease) => void = () => {};
    const pulled = new Promise<PulledRelease>((resolve) => (onRelease = resolve));
    const receiver = createReleaseReceiver({ secret, apiKey: keys.reader, outDir, pullQuery: "format=openai", onRelease, log: () => {} });
    await new Promise<void>((listening) => receiver.listen(port, "127.0.0.1", listening));

    const published = await request.post("/api/v1/datasets/refund-sft/releases", { headers: { authorization: `Bearer ${keys.admin}` }, data: {} });
    expect(published.status()).toBe(202);

    const release = await pulled;
    receiver.close();
    expect(release).toMatchObject({ datasetSlug: "refund-sft", release: 1, rowCount: 12 });
    const lines = (await readFile(release.file, "utf8")).trimEnd().split("\n");
    expect(lines).toHaveLength(12);
    for (const line of lines) expect(checkOpenAiChatExample(JSON.parse(line))).toEqual([]);
    const answers = lines.map((line) => (JSON.parse(line) as { messages: Array<{ role: string; content: string }> }).messages.at(-1)!.content);
    expect(answers).toContain("Refunds reach your card within 1 business days.");
  });

  test("the DSPy recipe reads the gold feed into question/answer examples", async () => {
    const python = spawnSync("python3", ["--version"]);
    test.skip(python.status !== 0, "python3 is not installed");
    const run = spawnSync("python3", ["server/handoff/gold_to_dspy.py", "--json", "--queue", queueId], {
      env: { ...process.env, GOLDLOOP_URL: E2E_BASE_URL, GOLDLOOP_KEY: keys.reader },
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    const pairs = JSON.parse(run.stdout) as Array<{ question: string; answer: string }>;
    expect(pairs).toHaveLength(12);
    expect(pairs[1]).toEqual({ question: "Question 0: how do refunds work?", answer: "Refunds reach your card within 1 business days." });
  });
});

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  probe.close();
  return port;
}
