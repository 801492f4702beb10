import { beforeAll, describe, expect, it } from "vitest";
import { seedProject } from "@/db/seed/factories";
import { seedOutputs } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { readMetricPoints } from "@/server/metrics/queries";
import { runCliCaptured } from "../test-support";

const testDb = setUpTestDatabase();

beforeAll(() => {
  // The CLI reads DATABASE_URL like the server does.
  process.env.DATABASE_URL = testDb.url;
});

describe("goldloop metrics", () => {
  it("refreshes a project's points, then backfills them", async () => {
    const project = await seedProject(testDb.db, { slug: "metrics-cli" });
    await seedOutputs(testDb.db, { projectId: project.id, count: 2 });
    // Outputs of now: one hour window and one day window.
    await expect(runCliCaptured(["metrics", "--project", "metrics-cli"])).resolves.toMatchObject({ code: 0, stdout: 'refreshed: recomputed 2 windows of "metrics-cli"\n' });
    await expect(runCliCaptured(["metrics", "--project", "metrics-cli"])).resolves.toMatchObject({ code: 0, stdout: 'refreshed: recomputed 0 windows of "metrics-cli"\n' });
    await expect(runCliCaptured(["metrics", "--project", "metrics-cli", "--backfill"])).resolves.toMatchObject({ code: 0, stdout: 'backfilled the whole history: recomputed 2 windows of "metrics-cli"\n' });
    expect(await readMetricPoints(testDb.db, project.id, { granularity: "day", metrics: ["signals.thumbs_down"] })).toEqual([expect.objectContaining({ sampleSize: 2 })]);
  });

  it("explains bad input and exits with code 2", async () => {
    const cases: [string[], RegExp][] = [
      [["metrics"], /missing required flag --project/],
      [["metrics", "--project", "nope"], /no project with slug "nope"/],
      [["metrics", "--project", "nope", "--since", "2026-11-01"], /--since goes with --backfill/],
      [["metrics", "--project", "nope", "--backfill", "--since", "yesterday"], /--since: "yesterday" is not a date/],
    ];
    for (const [argv, message] of cases) await expect(runCliCaptured(argv)).resolves.toMatchObject({ code: 2, stderr: expect.stringMatching(message) });
  });
});
