// Label-quality core benchmark: `node_modules/.bin/tsx bench/quality.ts`. Prints figures and PASS/MISS
// against the targets; exits 1 on a MISS. Timing lives here, never in unit tests.
import {
  bootstrapKrippendorffAlpha,
  computeAccuracy,
  computeKrippendorffAlpha,
  encodeLabelColumns,
  generateSyntheticLabels,
  resolveDawidSkene,
  resolveMajorityVote,
  toReliabilityData,
  type MeasurementLevel,
} from "../server/quality";


const RUNS = 5;
const print = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};
const DS_TARGET_MS = 3000;
const ALPHA_TARGET_MS = 1000;

function measure<T>(run: () => T, runs = RUNS): { result: T; medianMs: number } {
  const times: number[] = [];
  let result = run();
  for (let attempt = 0; attempt < runs; attempt += 1) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { result, medianMs: times[Math.floor(times.length / 2)]! };
}

const formatMs = (ms: number) => `${ms.toFixed(1)} ms`;
const formatRate = (count: number, ms: number) => `${((count / ms) * 1000 / 1e6).toFixed(2)} M labels/s`;
const formatMb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
let hasMiss = false;
function verdict(ms: number, targetMs: number): string {
  if (ms > targetMs) hasMiss = true;
  return `${ms <= targetMs ? "PASS" : "MISS"} (target ≤ ${targetMs} ms)`;
}

print(`node ${process.version}, median of ${RUNS} runs after one warm-up`);
print();

const generationStart = performance.now();
const crowd = generateSyntheticLabels({ seed: 42, itemCount: 200_000, workerCount: 1000, answersPerItem: 5, labelCount: 4 });
const labelCount = crowd.data.items.length;
print(`Dawid–Skene: ${labelCount.toLocaleString("en")} labels, 200,000 items × 5 workers (pool 1,000), 4 classes`);
print(`  generate (seed 42)      ${formatMs(performance.now() - generationStart)}`);

const strings = {
  items: Array.from(crowd.data.items, (item) => crowd.data.itemIds[item]!),
  workers: Array.from(crowd.data.workers, (worker) => crowd.data.workerIds[worker]!),
  labels: Array.from(crowd.data.labels, (label) => crowd.data.labelIds[label]!),
};
const encode = measure(() => encodeLabelColumns(strings));
print(`  encode from strings     ${formatMs(encode.medianMs)}  (${formatRate(labelCount, encode.medianMs)}; context only)`);

const majority = measure(() => resolveMajorityVote(crowd.data));
const majorityAccuracy = computeAccuracy(majority.result.labels, crowd.truth).accuracy;
print(
  `  baseline: majority vote ${formatMs(majority.medianMs)}  (${formatRate(labelCount, majority.medianMs)}), ` +
    `accuracy ${majorityAccuracy.toFixed(4)}`,
);

const heapBefore = process.memoryUsage();
const dawidSkene = measure(() => resolveDawidSkene(crowd.data));
const ds = dawidSkene.result;
const resultBytes = ds.posteriors.byteLength + ds.confusion.byteLength + ds.labels.byteLength + ds.confidence.byteLength;
const heapAfter = process.memoryUsage();
print(
  `  Dawid–Skene             ${formatMs(dawidSkene.medianMs)}  (${formatRate(labelCount, dawidSkene.medianMs)}), ` +
    `accuracy ${computeAccuracy(ds.labels, crowd.truth).accuracy.toFixed(4)}, ${ds.iterations} iterations, ` +
    `${formatMs(dawidSkene.medianMs / ds.iterations)}/iteration`,
);
print(
  `  memory: result ${formatMb(resultBytes)}, input ${formatMb(3 * 4 * labelCount)}, ` +
    `rss ${formatMb(heapAfter.rss)} (Δ ${formatMb(heapAfter.rss - heapBefore.rss)} over the runs)`,
);
print(`  ${verdict(dawidSkene.medianMs, DS_TARGET_MS)}`);
print();

const ratings = generateSyntheticLabels({ seed: 7, itemCount: 100_000, workerCount: 50, answersPerItem: 4, labelCount: 5 });
print(`Krippendorff's α: 100,000 units × 4 coders (${ratings.data.items.length.toLocaleString("en")} values), ratings 0–4`);
for (const level of ["nominal", "ordinal", "interval", "ratio"] satisfies MeasurementLevel[]) {
  const alpha = measure(() => computeKrippendorffAlpha(toReliabilityData(ratings.data, level), level));
  const figures = `α = ${alpha.result.alpha.toFixed(4)}  ${formatMs(alpha.medianMs)}`;
  print(`  ${level.padEnd(9)} ${figures}  ${verdict(alpha.medianMs, ALPHA_TARGET_MS)}`);
}
const reliability = toReliabilityData(ratings.data, "ordinal");
const bootstrap = measure(() => bootstrapKrippendorffAlpha(reliability, "ordinal", { replicates: 1000 }), 1);
print(
  `  ordinal bootstrap, 1000 replicates: [${bootstrap.result.lower.toFixed(4)}, ${bootstrap.result.upper.toFixed(4)}] ` +
    `${formatMs(bootstrap.medianMs)} (context only)`,
);

if (hasMiss) process.exitCode = 1;
