import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import type { ProjectRole } from "@/db/types";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { ingestOutputs } from "@/server/ingest/service";
import { buildOutputItem } from "@/server/ingest/test-fixtures";
import { DEFAULT_QUALITY_SETTINGS } from "./schema";
import { buildQueueInput } from "./test-fixtures";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const as = (role: ProjectRole) => createCaller(createInnerContext({ db: testDb.db, user: team.members[role] }));
const projectId = () => team.project.id;

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  const batch = Array.from({ length: 40 }, (_, index) => buildOutputItem(index, { tags: index < 10 ? ["support", "billing"] : ["support"] }));
  await ingestOutputs(testDb.db, { projectId: team.project.id, apiKeyId: null }, batch);
});

describe("queues router", () => {
  it("lets a lead create a queue, audited, with its definition stored, backfilling by default", async () => {
    const input = buildQueueInput({ rate: 1, tags: ["billing"] }, { backfill: undefined, name: "Billing" });
    const { id, backfill } = await as("lead").queues.create({ projectId: projectId(), ...input });
    expect(backfill).toEqual({ scanned: 40, added: 10 });

    const queue = await as("annotator").queues.get({ projectId: projectId(), queueId: id });
    expect(queue).toMatchObject({
      id,
      name: "Billing",
      overlap: 2,
      leaseSeconds: 600,
      mode: "blind",
      majorityThreshold: 0.6,
      samplingRule: { rate: 1, tags: ["billing"], models: [], metadata: {}, signals: [] },
      labelSchema: { allowNote: true, allowCorrection: true, fields: [{ key: "verdict" }, { type: "corrected_output", title: "Corrected output", required: true }] },
      progress: { total: 10, pending: 10, inReview: 0, conflict: 0, resolved: 0, skippedOut: 0 },
      mine: { submitted: 0, skipped: 0, available: 10 },
    });
    expect(queue.createdAt).toBeInstanceOf(Date);
    const audit = await testDb.db.selectFrom("audit_log").selectAll().where("action", "=", "queue.created").where("target_id", "=", id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ project_id: projectId(), actor_user_id: team.members.lead.id, target_type: "queue" });
  });

  it("creates without backfill when asked, and backfills on demand, idempotently", async () => {
    const input = buildQueueInput({ rate: 1 }, { name: "Everything" });
    const { id, backfill } = await as("admin").queues.create({ projectId: projectId(), ...input });
    expect(backfill).toBeNull();
    expect((await as("lead").queues.get({ projectId: projectId(), queueId: id })).progress.total).toBe(0);
    await expect(as("lead").queues.backfill({ projectId: projectId(), queueId: id })).resolves.toEqual({ scanned: 40, added: 40 });
    await expect(as("admin").queues.backfill({ projectId: projectId(), queueId: id })).resolves.toEqual({ scanned: 40, added: 0 });
  });

  it("shows whole-queue progress and the caller's own: submitted, skipped and what is left to claim", async () => {
    const { id } = await as("lead").queues.create({ projectId: projectId(), ...buildQueueInput({ rate: 1, tags: ["billing"] }, { name: "Progress", overlap: 1 }) });
    await as("lead").queues.backfill({ projectId: projectId(), queueId: id });
    const items = await testDb.db.selectFrom("queue_items").select("id").where("queue_id", "=", id).orderBy("id").execute();
    const annotator = team.members.annotator.id;
    const setItem = (index: number, values: { state: string; assigned_count: number; submitted_count?: number }) =>
      testDb.db.updateTable("queue_items").set(values).where("id", "=", items[index]!.id).execute();
    const assign = (index: number, annotatorId: string, state: string) =>
      testDb.db
        .insertInto("assignments")
        .values({ project_id: projectId(), queue_id: id, queue_item_id: items[index]!.id, annotator_id: annotatorId, state, lease_expires_at: new Date(Date.now() + 60_000) })
        .execute();
    await setItem(0, { state: "resolved", assigned_count: 1, submitted_count: 1 });
    await assign(0, annotator, "submitted");
    await setItem(1, { state: "pending", assigned_count: 0 });
    await assign(1, annotator, "skipped");
    await setItem(2, { state: "in_review", assigned_count: 1 });
    await assign(2, team.members.lead.id, "active");
    await setItem(3, { state: "conflict", assigned_count: 1, submitted_count: 1 });
    await setItem(4, { state: "pending", assigned_count: 0 });
    await assign(4, annotator, "expired");

    const listed = (await as("annotator").queues.list({ projectId: projectId() })).find((queue) => queue.id === id);
    expect(listed).toEqual({
      id,
      name: "Progress",
      mode: "blind",
      overlap: 1,
      holdoutFraction: 0,
      suggestionDisplay: "hidden",
      decoyRate: 0,
      approvalValues: {},
      ...DEFAULT_QUALITY_SETTINGS,
      createdAt: expect.any(Date),
      progress: { total: 10, pending: 7, inReview: 1, conflict: 1, resolved: 1, skippedOut: 0 },
      // Items 4–9 are open with a free seat (item 4 through my expired lease); item 1 I skipped.
      mine: { submitted: 1, skipped: 1, available: 6 },
    });
    const leads = (await as("lead").queues.list({ projectId: projectId() })).find((queue) => queue.id === id);
    expect(leads?.mine).toEqual({ submitted: 0, skipped: 0, available: 7 });
  });

  it("lists newest first, and keeps other projects' queues out", async () => {
    const other = await seedProjectTeam(testDb.db);
    const otherCaller = createCaller(createInnerContext({ db: testDb.db, user: other.members.lead }));
    const { id: otherQueue } = await otherCaller.queues.create({ projectId: other.project.id, ...buildQueueInput({ rate: 1 }, { name: "Elsewhere" }) });
    const names = (await as("ml").queues.list({ projectId: projectId() })).map((queue) => queue.name);
    expect(names).toEqual(["Progress", "Everything", "Billing"]);
    await expect(as("lead").queues.get({ projectId: projectId(), queueId: otherQueue })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as("lead").queues.backfill({ projectId: projectId(), queueId: otherQueue })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps create and backfill to leads and admins, and validates the definition", async () => {
    const input = { projectId: projectId(), ...buildQueueInput({ rate: 1 }) };
    await expect(as("annotator").queues.create(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("ml").queues.create(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [queue] = await as("lead").queues.list({ projectId: projectId() });
    await expect(as("annotator").queues.backfill({ projectId: projectId(), queueId: queue!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = createCaller(createInnerContext({ db: testDb.db, user: team.outsider }));
    await expect(outsider.queues.list({ projectId: projectId() })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await expect(as("lead").queues.create({ ...input, samplingRule: { rate: 1.5 } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as("lead").queues.create({ ...input, overlap: 6 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("queue loop settings", () => {
  const settings = { holdoutFraction: 0.1, suggestionDisplay: "preselected" as const, decoyRate: 0.05, approvalValues: { verdict: ["helpful"] } };

  it("are set at creation, returned by get and list, changed by a lead, and audited", async () => {
    const { id } = await as("lead").queues.create({ projectId: projectId(), ...buildQueueInput({ rate: 1 }, { name: "Watched", ...settings }) });
    await expect(as("annotator").queues.get({ projectId: projectId(), queueId: id })).resolves.toMatchObject(settings);
    expect((await as("ml").queues.list({ projectId: projectId() })).find((queue) => queue.id === id)).toMatchObject(settings);

    const changed = { holdoutFraction: 0.25, suggestionDisplay: "hidden" as const, decoyRate: 0, approvalValues: { verdict: ["helpful", "off_topic"] } };
    await expect(as("lead").queues.updateLoopSettings({ projectId: projectId(), queueId: id, ...changed })).resolves.toEqual(changed);
    await expect(as("lead").queues.get({ projectId: projectId(), queueId: id })).resolves.toMatchObject(changed);
    const audit = await testDb.db.selectFrom("audit_log").select(["data", "actor_user_id"]).where("action", "=", "queue.loop_settings_updated").where("target_id", "=", id).executeTakeFirstOrThrow();
    expect(audit).toEqual({ data: changed, actor_user_id: team.members.lead.id });
  });

  it("refuse values out of range and approval values that are not options of the field, naming the field, changing nothing", async () => {
    const create = (overrides: Record<string, unknown>) => as("lead").queues.create({ projectId: projectId(), ...buildQueueInput({ rate: 1 }, overrides) });
    await expect(create({ holdoutFraction: 0.6 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("holdoutFraction is 0 to 0.5") });
    await expect(create({ decoyRate: -0.1 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("decoyRate is 0 to 0.5") });
    await expect(create({ suggestionDisplay: "shown" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("hidden or preselected") });
    await expect(create({ approvalValues: { verdict: ["great"] } })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "approvalValues.verdict: great is not an option of Verdict" });
    await expect(as("lead").queues.list({ projectId: projectId() })).resolves.not.toContainEqual(expect.objectContaining({ approvalValues: { verdict: ["great"] } }));

    const { id } = await create({ name: "Strict", ...settings });
    const update = (overrides: Record<string, unknown>) => as("admin").queues.updateLoopSettings({ projectId: projectId(), queueId: id, ...settings, ...overrides });
    await expect(update({ approvalValues: { tone: ["warm"] } })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "approvalValues.tone: the label has no field tone" });
    await expect(update({ approvalValues: { verdict: ["helpful", "great"] } })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "approvalValues.verdict: great is not an option of Verdict" });
    await expect(update({ holdoutFraction: Number.NaN })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(update({ decoyRate: 0.9 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as("annotator").queues.updateLoopSettings({ projectId: projectId(), queueId: id, ...settings })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("lead").queues.get({ projectId: projectId(), queueId: id })).resolves.toMatchObject(settings);
  });
});

describe("queue quality settings", () => {
  const settings = {
    consensusMethod: "dawid_skene" as const,
    majorityThreshold: 0.7,
    minPosterior: 0.95,
    maxOverlap: 4,
    goldItemRate: 0.1,
    gateMinAccuracy: 0.7,
    gateMinGoldItems: 8,
    dailyCap: 150,
  };

  it("default to majority with a fixed k and no gold checks, gate or cap", async () => {
    const { id } = await as("lead").queues.create({ projectId: projectId(), ...buildQueueInput({ rate: 1 }, { name: "Plain" }) });
    await expect(as("annotator").queues.get({ projectId: projectId(), queueId: id })).resolves.toMatchObject({
      consensusMethod: "majority",
      majorityThreshold: 0.6,
      minPosterior: 0.9,
      maxOverlap: null,
      goldItemRate: 0,
      gateMinAccuracy: null,
      gateMinGoldItems: 10,
      dailyCap: null,
    });
  });

  it("are set at creation, changed by a lead, audited, and returned by get and list", async () => {
    const { id } = await as("lead").queues.create({ projectId: projectId(), ...buildQueueInput({ rate: 1 }, { name: "Inferred", ...settings }) });
    await expect(as("annotator").queues.get({ projectId: projectId(), queueId: id })).resolves.toMatchObject(settings);
    const changed = { ...settings, consensusMethod: "majority" as const, maxOverlap: null, gateMinAccuracy: null, dailyCap: null };
    await expect(as("admin").queues.updateQualitySettings({ projectId: projectId(), queueId: id, ...changed })).resolves.toEqual(changed);
    expect((await as("ml").queues.list({ projectId: projectId() })).find((queue) => queue.id === id)).toMatchObject(changed);
    const audit = await testDb.db.selectFrom("audit_log").select(["data", "actor_user_id"]).where("action", "=", "queue.quality_settings_updated").where("target_id", "=", id).executeTakeFirstOrThrow();
    expect(audit).toEqual({ data: changed, actor_user_id: team.members.admin.id });
  });

  it("refuse a K below k and values out of range, naming the field, changing nothing", async () => {
    const create = (overrides: Record<string, unknown>) => as("lead").queues.create({ projectId: projectId(), ...buildQueueInput({ rate: 1 }, overrides) });
    await expect(create({ name: "Narrow", overlap: 3, maxOverlap: 2 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "maxOverlap must be at least the overlap (3)" });
    await expect(create({ minPosterior: 0.4 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("minPosterior is 0.5 to 1") });
    await expect(create({ consensusMethod: "vibes" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("majority or dawid_skene") });
    expect((await as("lead").queues.list({ projectId: projectId() })).some((queue) => queue.name === "Narrow")).toBe(false);

    const { id } = await create({ name: "Gated", overlap: 2, ...settings });
    const update = (overrides: Record<string, unknown>) => as("lead").queues.updateQualitySettings({ projectId: projectId(), queueId: id, ...settings, ...overrides });
    await expect(update({ maxOverlap: 1 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "maxOverlap must be at least the overlap (2)" });
    await expect(update({ goldItemRate: 0.9 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("goldItemRate is 0 to 0.5") });
    await expect(update({ dailyCap: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("dailyCap is at least 1") });
    await expect(update({ gateMinGoldItems: 2.5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as("annotator").queues.updateQualitySettings({ projectId: projectId(), queueId: id, ...settings })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("lead").queues.get({ projectId: projectId(), queueId: id })).resolves.toMatchObject(settings);
  });
});
