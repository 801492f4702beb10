import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createProject } from "@/server/projects/service";
import { runCliCaptured, writeTempFile } from "../test-support";

const testDb = setUpTestDatabase();

beforeAll(async () => {
  // The CLI reads DATABASE_URL like the server does.
  process.env.DATABASE_URL = testDb.url;
  await createProject(testDb.db, { name: "Crowd", slug: "crowd" }, null, { isTrustedCaller: true });
});

const labels = writeTempFile("labels.csv", "item,worker,label\na,w1,yes\na,w2,yes\na,w3,no\nb,w1,no\nb,w2,no\nb,w3,no\nc,w1,yes\nc,w2,no\n");
const truth = writeTempFile("truth.csv", "item,label\na,yes\nb,yes\nc,no\nz,no\n");

async function countWritten() {
  const [queues, annotations] = await Promise.all([
    testDb.db.selectFrom("queues").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    testDb.db.selectFrom("annotations").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { queues: Number(queues.n), annotations: Number(annotations.n) };
}

describe("goldloop import-labels", () => {
  it("imports, resolves by majority and prints one accuracy line on stdout", async () => {
    const result = await runCliCaptured(["import-labels", "--project", "crowd", "--queue", "Tiny", "--labels", labels, "--truth", truth, "--policy", "majority"]);
    expect(result.code).toBe(0);
    // a: yes 2/3 → gold yes (right); b: no 3/3 → gold no (wrong); c: 1:1 → conflict (counts as wrong); z is not in the queue.
    expect(result.stdout).toBe("accuracy=0.3333 items=3 method=majority\n");
    expect(result.stderr).toMatch(/^created queue "Tiny" \([0-9a-f-]{36}\): 3 items, 3 annotators, 8 new of 8 answers in \d+ ms; resolved 2, conflicts 1 in \d+ ms\n$/);

    const again = await runCliCaptured(["import-labels", "--project", "crowd", "--queue", "Tiny", "--labels", labels, "--policy", "majority"]);
    expect(again).toMatchObject({ code: 0, stdout: "" });
    expect(again.stderr).toMatch(/^added to queue "Tiny" .*: 3 items, 3 annotators, 0 new of 8 answers/);
  });

  it("says when the scored gold was written under an earlier policy, since gold is never rewritten", async () => {
    await runCliCaptured(["import-labels", "--project", "crowd", "--queue", "Switched", "--labels", labels, "--policy", "majority"]);
    const switched = await runCliCaptured(["import-labels", "--project", "crowd", "--queue", "Switched", "--labels", labels, "--truth", truth, "--policy", "ds"]);
    expect(switched.code).toBe(0);
    // a and b keep their majority gold; the fit settles c, the conflict, as Dawid–Skene gold.
    expect(switched.stdout).toMatch(/^accuracy=\d\.\d{4} items=3 method=mixed\n$/);
    expect(switched.stderr).toContain("2 of the 3 scored items keep gold written earlier (");
    expect(switched.stderr).toContain("gold is never rewritten");
  });

  it.each([
    [["--policy", "vote"], 'unknown --policy "vote"; use ds or majority'],
    [["--project", "nope"], "no project with slug nope"],
  ])("refuses %j with exit code 2 and writes nothing", async (extra, message) => {
    const before = await countWritten();
    const args = ["import-labels", "--project", "crowd", "--queue", "Refused", "--labels", labels, ...extra];
    const result = await runCliCaptured(args);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toContain(message);
    expect(await countWritten()).toEqual(before);
  });

  it("names the file and line of a bad label or a broken CSV, and writes nothing", async () => {
    const before = await countWritten();
    const badLabel = writeTempFile("labels.csv", "item,worker,label\na,w1,yes\na,w2,Maybe so\n");
    const badLabelRun = await runCliCaptured(["import-labels", "--project", "crowd", "--queue", "Refused", "--labels", badLabel]);
    expect(badLabelRun.code).toBe(2);
    expect(badLabelRun.stderr).toContain(`${badLabel} line 3: label "Maybe so" is not a usable option value`);

    const broken = writeTempFile("labels.csv", "item,worker,label\na,w1,yes\nb,w1\n");
    const brokenRun = await runCliCaptured(["import-labels", "--project", "crowd", "--queue", "Refused", "--labels", broken]);
    expect(brokenRun.code).toBe(2);
    expect(brokenRun.stderr).toContain(`${broken} line 3: expected 3 fields, found 2`);

    const brokenTruth = writeTempFile("truth.csv", "item,label\na,yes\na,no\n");
    const brokenTruthRun = await runCliCaptured(["import-labels", "--project", "crowd", "--queue", "Refused", "--labels", labels, "--truth", brokenTruth]);
    expect(brokenTruthRun.code).toBe(2);
    expect(brokenTruthRun.stderr).toContain(`${brokenTruth} line 3: item "a" already has a gold label on line 2`);
    expect(await countWritten()).toEqual(before);
  });
});
