import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { restHandler } from "@/server/api/rest";
import type { SessionUser } from "@/server/users/schema";
import { respondWithReleaseDownload } from "./download";
import { createLoopDataset, ingestAndReview, publishLoopRelease, startProductLoop } from "./test-support";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let datasetId = "";

// The route is this handler with the session's user; the session itself is covered by the e2e download spec.
const download = restHandler(async (request: Request, user: SessionUser | null, params: Record<string, string>) => respondWithReleaseDownload(testDb.db, request, user, params));

function downloadAs(user: SessionUser | null, params: Partial<Record<"slug" | "datasetId" | "release", string>> = {}, query = "", headers: Record<string, string> = {}) {
  const full = { slug: team.project.slug, datasetId, release: "1", ...params };
  const request = new Request(`http://localhost/p/${full.slug}/datasets/${full.datasetId}/releases/${full.release}/download${query}`, { headers });
  return download(request, user, full);
}

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  const loop = await startProductLoop(testDb.db, team);
  await ingestAndReview(testDb.db, team, loop, [
    { externalId: "a", input: "Where is my order?", output: "Tomorrow.", endUserId: "u1", verdict: "harmful", correction: "It shipped Monday." },
    { externalId: "b", input: "Hi", output: "Hello!", endUserId: "u2", verdict: "helpful" },
  ]);
  ({ id: datasetId } = await createLoopDataset(testDb.db, team, loop, "Support"));
  await publishLoopRelease(testDb.db, team, datasetId);
});
afterAll(async () => {
  await closeDatabase();
});

describe("the UI's release download (session, not API key)", () => {
  it("serves leads, ML and admins the same formats and headers as the pull API", async () => {
    for (const role of ["lead", "ml", "admin"] as const) {
      const response = await downloadAs(team.members[role], {}, "?format=dpo&dpo_style=openai");
      expect(response.status, role).toBe(200);
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="support-r1-dpo-openai.jsonl"');
      expect(response.headers.get("x-goldloop-row-count")).toBe("1");
      expect(JSON.parse((await response.text()).trim())).toMatchObject({ preferred_output: [{ role: "assistant", content: "It shipped Monday." }] });
    }
    const first = await downloadAs(team.members.ml, { release: "latest" }, "?format=csv");
    const etag = first.headers.get("etag")!;
    await first.body?.cancel();
    expect((await downloadAs(team.members.ml, {}, "?format=csv", { "if-none-match": etag })).status).toBe(304);
  });

  it("refuses the signed-out, non-members and annotators, naming why", async () => {
    const cases: [SessionUser | null, number, string][] = [
      [null, 401, "session"],
      [team.outsider, 403, "slug"],
      [team.members.annotator, 403, "slug"],
    ];
    for (const [user, status, field] of cases) {
      const response = await downloadAs(user);
      expect(response.status, user?.name ?? "signed out").toBe(status);
      expect(await response.json()).toMatchObject({ error: { field } });
    }
  });

  it("answers 4xx naming the field for an unknown dataset, a bad id, a bad release and bad options", async () => {
    const cases: [Partial<Record<"slug" | "datasetId" | "release", string>>, string, number, string][] = [
      [{ datasetId: "00000000-0000-4000-8000-000000000000" }, "", 404, "datasetId"],
      [{ datasetId: "not-a-uuid" }, "", 400, "datasetId"],
      [{ release: "7" }, "", 404, "release"],
      [{ release: "first" }, "", 400, "release"],
      [{}, "?format=xml", 400, "format"],
      [{}, "?since=1", 400, "since"],
    ];
    for (const [params, query, status, field] of cases) {
      const response = await downloadAs(team.members.ml, params, query);
      expect(response.status, JSON.stringify(params) + query).toBe(status);
      expect(await response.json()).toMatchObject({ error: { field } });
    }
  });
});
