import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as pullRelease } from "@/app/api/v1/datasets/[slug]/releases/[release]/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { buildQueueInput } from "@/server/queues/test-fixtures";
import { publishAndWait } from "../testing";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
type Person = { id: string; email: string; name: string; isInstanceAdmin: boolean };
const callerFor = (user: Person) => createCaller(createInnerContext({ db: testDb.db, user }));
const projectId = () => team.project.id;

const rubric = {
  type: "rubric",
  key: "rubric",
  title: "Rubric",
  criteria: [
    { key: "cites", title: "Cites a source", description: "Links the policy page", scale: "pass_fail", assertion: true },
    { key: "tone", title: "Tone", scale: "one_to_five" },
    { key: "polite", title: "Polite", scale: "one_to_five", assertion: true },
  ],
};

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
});
afterAll(async () => {
  await closeDatabase();
});

describe("rubric assertions in releases", () => {
  it("carry each criterion marked as an assertion, with its description and the gold's verdict, into every export row", async () => {
    const queue = await callerFor(team.members.lead).queues.create({
      projectId: projectId(),
      ...buildQueueInput({ rate: 1 }, { name: "Graded", overlap: 1, labelSchema: { fields: [rubric] as never } }),
    });
    await seedQueueItems(testDb.db, { projectId: projectId(), queueId: queue.id, count: 1 });
    const annotator = callerFor(team.members.annotator);
    const task = await annotator.review.claimNext({ projectId: projectId(), queueId: queue.id });
    await annotator.review.submit({ projectId: projectId(), assignmentId: task!.assignment.id, values: { rubric: { cites: false, tone: 4, polite: 5 } } });

    const ml = callerFor(team.members.ml);
    const dataset = await ml.datasets.create({ projectId: projectId(), name: "Graded evals", queueIds: [queue.id] });
    await publishAndWait(testDb.db, ml, { projectId: projectId(), datasetId: dataset.id });
    const { secret } = await callerFor(team.members.admin).apiKeys.create({ projectId: projectId(), name: "evals", scopes: ["datasets:read"] });
    const request = new Request(`http://localhost/api/v1/datasets/${dataset.slug}/releases/1`, { headers: { authorization: `Bearer ${secret}` } });
    const response = await pullRelease(request, { params: Promise.resolve({ slug: dataset.slug, release: "1" }) });
    const [line] = (await response.text()).trim().split("\n").map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(line!.assertions).toEqual([
      { field: "rubric", criterion: "cites", title: "Cites a source", description: "Links the policy page", scale: "pass_fail", gold: false },
      { field: "rubric", criterion: "polite", title: "Polite", description: "", scale: "one_to_five", gold: 5 },
    ]);
  });
});
