import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedManyGold, seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { CreateDatasetRequest } from "./schema";
import { splitForGroup } from "./split";
import { publishAndWait } from "./testing";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let queueId: string;
const ml = () => createCaller(createInnerContext({ db: testDb.db, user: team.members.ml }));
const projectId = () => team.project.id;

type FrozenRow = { outputId: number; split: string; endUserId: string | null; traceId: string | null; conversation: string | null };

async function frozenRows(datasetId: string, number: number): Promise<FrozenRow[]> {
  const { rows } = await sql<FrozenRow>`
    select release_rows.output_id as "outputId", release_rows.split, outputs.end_user_id as "endUserId", outputs.trace_id as "traceId",
      outputs.metadata ->> 'conversation' as conversation
    from release_rows
    join dataset_releases on dataset_releases.id = release_rows.release_id
    join outputs on outputs.id = release_rows.output_id
    where dataset_releases.dataset_id = ${datasetId} and dataset_releases.number = ${number}
    order by release_rows.position
  `.execute(testDb.db);
  return rows;
}

async function publishedDataset(name: string, rule: Partial<CreateDatasetRequest>) {
  const { id } = await ml().datasets.create({ projectId: projectId(), name, queueIds: [queueId], ...rule });
  await publishAndWait(testDb.db, ml(), { projectId: projectId(), datasetId: id });
  return id;
}

/** Each group key found in the rows, with the set of splits its rows landed in. */
function splitsPerGroup(rows: FrozenRow[], groupOf: (row: FrozenRow) => string) {
  const groups = new Map<string, Set<string>>();
  for (const row of rows) groups.set(groupOf(row), (groups.get(groupOf(row)) ?? new Set()).add(row.split));
  return groups;
}

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  queueId = (await seedQueue(testDb.db, { projectId: projectId() })).id;
  await seedManyGold(testDb.db, { projectId: projectId(), queueId, count: 600, prefix: "split-" });
  // 60 users with ~10 outputs each, every 7th output anonymous; traces of 3 outputs; conversations of 4, some missing.
  await sql`
    update outputs set
      end_user_id = case when id % 7 = 0 then null else 'user-' || (id % 60) end,
      trace_id = 'trace-' || (id / 3),
      metadata = case when id % 5 = 0 then '{}'::jsonb else jsonb_build_object('conversation', 'conv-' || (id / 4)) end
    where project_id = ${projectId()}
  `.execute(testDb.db);
});

describe("leak-safe splits", () => {
  it("splits by end user by default (80/10/10): the documented hash, no user in two splits, anonymous rows on their own", async () => {
    const id = await publishedDataset("By user", {});
    const rows = await frozenRows(id, 1);
    expect(rows).toHaveLength(600);
    const groupOf = (row: FrozenRow) => row.endUserId ?? `output:${row.outputId}`;
    for (const row of rows) expect(row.split, `output ${row.outputId}`).toBe(splitForGroup(groupOf(row), { train: 0.8, validation: 0.1 }));
    for (const [group, splits] of splitsPerGroup(rows, groupOf)) expect(splits.size, group).toBe(1);
    expect(new Set(rows.map((row) => row.split))).toEqual(new Set(["train", "validation", "test"]));
  });

  it("splits by trace id or by a metadata key when the dataset says so", async () => {
    const byTrace = await frozenRows(await publishedDataset("By trace", { splitKey: "trace_id", splitTrain: 0.5, splitValidation: 0.25, splitTest: 0.25 }), 1);
    for (const row of byTrace) expect(row.split).toBe(splitForGroup(row.traceId!, { train: 0.5, validation: 0.25 }));
    for (const [group, splits] of splitsPerGroup(byTrace, (row) => row.traceId!)) expect(splits.size, group).toBe(1);

    const byConversation = await frozenRows(await publishedDataset("By conversation", { splitKey: "metadata", splitMetadataKey: "conversation" }), 1);
    const groupOf = (row: FrozenRow) => row.conversation ?? `output:${row.outputId}`;
    for (const row of byConversation) expect(row.split).toBe(splitForGroup(groupOf(row), { train: 0.8, validation: 0.1 }));
    for (const [group, splits] of splitsPerGroup(byConversation, groupOf)) expect(splits.size, group).toBe(1);
  });

  it("keeps every row's split across releases, and puts a group in the same split in every dataset with the same shares", async () => {
    const laterQueue = await seedQueue(testDb.db, { projectId: projectId() });
    const id = await publishedDataset("Stable", { queueIds: [queueId, laterQueue.id] });
    await seedManyGold(testDb.db, { projectId: projectId(), queueId: laterQueue.id, count: 50, prefix: "later-" });
    await sql`update outputs set end_user_id = 'user-' || (id % 60) where project_id = ${projectId()} and external_id like 'later-%'`.execute(testDb.db);
    await publishAndWait(testDb.db, ml(), { projectId: projectId(), datasetId: id });
    const [one, two] = [await frozenRows(id, 1), await frozenRows(id, 2)];
    expect(two).toHaveLength(650);
    const splitInTwo = new Map(two.map((row) => [row.outputId, row.split]));
    for (const row of one) expect(splitInTwo.get(row.outputId)).toBe(row.split);
    // The new users' rows joined their group's existing split.
    for (const [group, splits] of splitsPerGroup(two, (row) => row.endUserId ?? `output:${row.outputId}`)) expect(splits.size, group).toBe(1);

    const twin = await frozenRows(await publishedDataset("Twin", { queueIds: [queueId, laterQueue.id] }), 1);
    const splitInStable = new Map(two.map((row) => [row.outputId, row.split]));
    for (const row of twin) expect(splitInStable.get(row.outputId)).toBe(row.split);
  });
});
