import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { getAppSecret } from "@/server/lib/app-secret";
import { startCollabProcess, type CollabProcess } from "./collab-process";
import { connectCollabClient } from "./provider-client";
import { buildCollabDocumentName } from "./schema";
import { signCollabToken } from "./token";

const redisUrl = process.env.REDIS_URL;

let nodes: CollabProcess[] = [];

// Needs a Redis server; CI provides one through REDIS_URL.
describe.runIf(redisUrl)("collaboration across several collab processes sharing Redis", () => {
  const testDb = setUpTestDatabase();

  beforeAll(async () => {
    nodes = await Promise.all([startCollabProcess({ databaseUrl: testDb.url, redisUrl }), startCollabProcess({ databaseUrl: testDb.url, redisUrl })]);
  });

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
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

    await Promise.all(nodes.map((node) => node.stop()));
    nodes = [];
    const rows = await testDb.db.selectFrom("collab_docs").select("name").where("name", "=", documentName).execute();
    expect(rows).toHaveLength(1);
  });
});
