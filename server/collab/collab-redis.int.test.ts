import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { findFreePort } from "@/db/embedded-os";
import { getAppSecret } from "@/server/lib/app-secret";
import { connectCollabClient } from "./provider-client";
import { buildCollabDocumentName } from "./schema";
import { signCollabToken } from "./token";

const root = fileURLToPath(new URL("../..", import.meta.url));
const redisUrl = process.env.REDIS_URL;

type Node = { url: string; process: ChildProcess };

/** A separate `GOLDLOOP_ROLES=collab` process, as a team would run several behind a load balancer. */
async function startCollabNode(databaseUrl: string): Promise<Node> {
  const port = await findFreePort();
  const child = spawn(`${root}/node_modules/.bin/tsx`, ["server/main.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, GOLDLOOP_ROLES: "collab", PORT: String(port), HOST: "127.0.0.1" },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const isHealthy = await fetch(`${url}/api/v1/health`).then((response) => response.ok, () => false);
    if (isHealthy) return { url, process: child };
    await new Promise((done) => setTimeout(done, 200));
  }
  child.kill("SIGKILL");
  throw new Error("collab node did not become healthy");
}

function stopNode(node: Node): Promise<void> {
  return new Promise((done) => {
    node.process.once("exit", () => done());
    node.process.kill("SIGTERM");
  });
}

let nodes: Node[] = [];

// Needs a Redis server; CI provides one through REDIS_URL.
describe.runIf(redisUrl)("collaboration across several collab processes sharing Redis", () => {
  const testDb = setUpTestDatabase();

  beforeAll(async () => {
    nodes = await Promise.all([startCollabNode(testDb.url), startCollabNode(testDb.url)]);
  });

  afterAll(async () => {
    await Promise.all(nodes.map(stopNode));
  });

  it("lets clients connected to different processes converge, and stores the document once", async () => {
    const team = await seedProjectTeam(testDb.db);
    const documentName = buildCollabDocumentName(team.project.id, `scratch/redis-${Date.now()}`);
    const tokenFor = (userId: string) => () =>
      signCollabToken(getAppSecret(), { userId, projectId: team.project.id, documentName, isReadOnly: false });
    const onFirst = connectCollabClient({ baseUrl: nodes[0]!.url, documentName, token: tokenFor(team.members.annotator.id) });
    const onSecond = connectCollabClient({ baseUrl: nodes[1]!.url, documentName, token: tokenFor(team.members.lead.id) });
    await Promise.all([onFirst.ready, onSecond.ready]);

    onFirst.text.insert(0, "from node one");
    await onSecond.waitForText("from node one");
    onSecond.text.insert(0, "and node two, ");
    await onFirst.waitForText("and node two, from node one");
    onFirst.close();
    onSecond.close();

    await Promise.all(nodes.map(stopNode));
    nodes = [];
    const rows = await testDb.db.selectFrom("collab_docs").select("name").where("name", "=", documentName).execute();
    expect(rows).toHaveLength(1);
  });
});
