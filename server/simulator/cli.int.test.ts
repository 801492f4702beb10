import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { runCliCaptured } from "@/server/cli/test-support";

const testDb = setUpTestDatabase();

beforeAll(() => {
  // The CLI reads DATABASE_URL like the server does.
  process.env.DATABASE_URL = testDb.url;
});

describe("goldloop simulate", () => {
  it("prints the summary as exactly one JSON object with --json", async () => {
    const result = await runCliCaptured(["simulate", "--scenario", "label-collapse", "--days", "12", "--onset", "9", "--seed", "5", "--json"]);

    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(["scenario", "onset", "windows", "detections", "false_alarms"]);
    expect(summary).toMatchObject({ scenario: "label-collapse", onset: 9, windows: 12 });
    // Each intended detector is listed; window and delay are null only when it never fired.
    const detections = summary.detections as { detector: string; window: number | null; delay: number | null }[];
    expect(detections.map((detection) => detection.detector)).toEqual(["label_collapse", "approval_saturation"]);
    for (const detection of detections) {
      expect(Object.keys(detection)).toEqual(["detector", "window", "delay"]);
      expect(detection.delay).toBe(detection.window === null ? null : detection.window - 9);
    }
    expect(Array.isArray(summary.false_alarms)).toBe(true);
    for (const alarm of summary.false_alarms as unknown[]) expect(alarm).toEqual({ detector: expect.any(String), window: expect.any(Number) });
    const project = await testDb.db.selectFrom("projects").select("slug").executeTakeFirstOrThrow();
    expect(project.slug).toMatch(/^sim-label-collapse-5-[a-z0-9]+$/);
  }, 600_000);

  it("prints the day table and the summary without --json", async () => {
    const result = await runCliCaptured(["simulate", "--scenario", "healthy", "--days", "3", "--seed", "2"]);

    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.filter((line) => /^\d+\s+\d{4}-\d{2}-\d{2}\s/.test(line))).toHaveLength(3);
    expect(result.stdout).toContain("false alarms (any alert in a healthy loop):");
    expect(result.stdout).toMatch(/simulated 3 days in \d+\.\d s \(ingest, claims and submits/);
  }, 600_000);

  it("explains bad flags and exits with code 2", async () => {
    const cases: [string[], RegExp][] = [
      [["simulate"], /missing required flag --scenario/],
      [["simulate", "--scenario", "meltdown"], /unknown --scenario "meltdown"; use one of healthy, rubber-stamp/],
      [["simulate", "--scenario", "healthy", "--days", "0"], /--days must be a whole number from 2 to 365/],
      [["simulate", "--scenario", "healthy", "--days", "10", "--onset", "11"], /--onset must be a whole number from 2 to 10/],
      [["simulate", "--scenario", "healthy", "--seed", "1.5"], /--seed must be a whole number/],
    ];
    for (const [argv, message] of cases) {
      const result = await runCliCaptured(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr, argv.join(" ")).toMatch(message);
    }
  });
});
