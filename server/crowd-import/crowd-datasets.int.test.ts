import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { readLabelFile, readTruthFile } from "@/server/cli/label-files";
import { runCliCaptured } from "@/server/cli/test-support";
import { createProject } from "@/server/projects/service";
import { resolveLabels } from "@/server/resolution/rules";
import { DEFAULT_QUALITY_SETTINGS } from "@/server/queues/schema";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
const datasetsFolder = resolve(repositoryRoot, "../shared/datasets/crowd");
const hasDatasets = existsSync(datasetsFolder);
if (!hasDatasets) console.warn(`crowd-dataset product test skipped: ${datasetsFolder} does not exist`);

/** Dawid–Skene accuracies from the datasets' README (an independent port of Crowd-Kit). */
const referenceAccuracy = { bluebirds: 0.8981, product: 0.9396, rte: 0.9275, temp: 0.9416 } as const;
type Dataset = keyof typeof referenceAccuracy;
const pathOf = (dataset: Dataset, file: "labels.csv" | "truth.csv") => resolve(datasetsFolder, dataset, file);

const testDb = setUpTestDatabase();

beforeAll(() => {
  // The CLI reads DATABASE_URL like the server does.
  process.env.DATABASE_URL = testDb.url;
});

/** The CLI's own inference on the same file, as a fraction from its summary line "accuracy 0.8981 (97/108 gold items)". */
async function cliDawidSkeneAccuracy(dataset: Dataset) {
  const cli = await runCliCaptured(["resolve", "--labels", pathOf(dataset, "labels.csv"), "--method", "ds", "--truth", pathOf(dataset, "truth.csv")]);
  expect(cli.code).toBe(0);
  const [, correct, total] = /accuracy [\d.]+ \((\d+)\/(\d+) gold items\)/.exec(cli.stderr)!;
  return { accuracy: Number(correct) / Number(total), items: Number(total) };
}

/** Runs `import-labels` into a project of its own and parses its one stdout line. */
async function importDataset(dataset: Dataset, policy: "ds" | "majority") {
  const slug = `${dataset}-${policy}`;
  await createProject(testDb.db, { name: `${dataset} (${policy})`, slug }, null, { isTrustedCaller: true });
  const result = await runCliCaptured([
    "import-labels", "--project", slug, "--queue", `${dataset} crowd`, "--labels", pathOf(dataset, "labels.csv"), "--truth", pathOf(dataset, "truth.csv"), "--policy", policy,
  ]);
  expect(result.stderr).toMatch(/^created queue/);
  expect(result.code).toBe(0);
  const match = /^accuracy=(\d\.\d{4}) items=(\d+) method=(\w+)\n$/.exec(result.stdout);
  expect(match, result.stdout).not.toBeNull();
  const project = await testDb.db.selectFrom("projects").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
  const queue = await testDb.db.selectFrom("queues").select("id").where("project_id", "=", project.id).executeTakeFirstOrThrow();
  return { printed: { accuracy: Number(match![1]), items: Number(match![2]), method: match![3] }, projectId: project.id, queueId: queue.id };
}

/** The product's exact accuracy: current gold against truth, over the truth items the queue holds. */
async function productAccuracy(queueId: string, truth: Map<string, string>) {
  const gold = await testDb.db
    .selectFrom("gold_labels")
    .innerJoin("outputs", "outputs.id", "gold_labels.output_id")
    .select(["outputs.external_id as item", "gold_labels.values", "gold_labels.method", "gold_labels.confidence", "gold_labels.provenance"])
    .where("gold_labels.queue_id", "=", queueId)
    .where("gold_labels.is_current", "=", true)
    .execute();
  const valueOf = new Map(gold.map((row) => [row.item, (row.values as Record<string, string>).label]));
  const correct = [...truth].filter(([item, label]) => valueOf.get(item) === label).length;
  return { accuracy: correct / truth.size, gold };
}

describe.skipIf(!hasDatasets)("crowd datasets imported into the product", () => {
  it.each(Object.keys(referenceAccuracy) as Dataset[])(
    "%s: the Dawid–Skene policy's gold is as accurate as the CLI's inference and the published reference",
    async (dataset) => {
      const truth = await readTruthFile(pathOf(dataset, "truth.csv"));
      const { printed, queueId } = await importDataset(dataset, "ds");
      const cli = await cliDawidSkeneAccuracy(dataset);
      const product = await productAccuracy(queueId, truth);

      expect(printed.method).toBe("dawid_skene");
      expect(printed.items).toBe(cli.items);
      expect(Math.abs(product.accuracy - cli.accuracy)).toBeLessThanOrEqual(1e-4);
      expect(Math.abs(product.accuracy - referenceAccuracy[dataset])).toBeLessThanOrEqual(5e-4);
      expect(Math.abs(printed.accuracy - product.accuracy)).toBeLessThanOrEqual(5e-5);

      // Every item resolved by the model (a posterior ≥ 0.5 always exists with two classes), with its weights.
      expect(product.gold).toHaveLength(truth.size);
      for (const row of product.gold) {
        expect(row.method).toBe("dawid_skene");
        expect(row.confidence).toBeGreaterThanOrEqual(0.5);
        expect(row.provenance).toMatchObject({ model: "dawid_skene", fitId: expect.any(Number), weights: expect.any(Object), posterior: expect.any(Object) });
      }
      const fit = await testDb.db.selectFrom("quality_fits").select(["method", "item_count"]).where("queue_id", "=", queueId).executeTakeFirstOrThrow();
      expect(fit).toEqual({ method: "dawid_skene", item_count: truth.size });
    },
    180_000,
  );

  it("the majority policy resolves each item by the queue's threshold and leaves split votes to a lead", async () => {
    const dataset: Dataset = "bluebirds";
    const answers = await readLabelFile(pathOf(dataset, "labels.csv"));
    const truth = await readTruthFile(pathOf(dataset, "truth.csv"));
    const votesByItem = new Map<string, string[]>();
    answers.items.forEach((item, index) => votesByItem.set(item, [...(votesByItem.get(item) ?? []), answers.labels[index]!]));
    const expected = new Map(
      [...votesByItem].map(([item, votes]) => {
        const outcome = resolveLabels(votes, DEFAULT_QUALITY_SETTINGS.majorityThreshold);
        return [item, outcome.kind === "gold" ? outcome.value : null];
      }),
    );
    const expectedCorrect = [...truth].filter(([item, label]) => expected.get(item) === label).length;

    const { printed, queueId, projectId } = await importDataset(dataset, "majority");
    expect(printed).toEqual({ accuracy: Number((expectedCorrect / truth.size).toFixed(4)), items: truth.size, method: "majority" });
    const product = await productAccuracy(queueId, truth);
    expect(product.accuracy).toBe(expectedCorrect / truth.size);
    for (const row of product.gold) expect(["unanimous", "majority"]).toContain(row.method);
    expect(product.gold).toHaveLength([...expected.values()].filter((value) => value !== null).length);
    const conflicts = await testDb.db.selectFrom("queue_items").select("id").where("project_id", "=", projectId).where("state", "=", "conflict").execute();
    expect(conflicts).toHaveLength([...expected.values()].filter((value) => value === null).length);
  }, 120_000);
});
