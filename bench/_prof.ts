import { runDetectors, detectorIds } from "@/server/alerts/detectors";
import { generateSyntheticProject, syntheticQueueId } from "@/server/alerts/detectors/testing/synthetic-project";
const points = generateSyntheticProject({ seed: 2026, windows: 90, queues: 5, annotatorsPerQueue: 8, goldPerWindow: [700, 780], annotationsPerGold: 3, outputsPerWindow: 5000, features: 3, holdoutFraction: 0.1, collapses: { rubber_stamp: 60, input_drift: 75 } });
const ctx = { granularity: "day" as const, queues: Array.from({ length: 5 }, (_, i) => ({ id: syntheticQueueId(i), holdoutFraction: 0.1 })) };
for (const id of detectorIds) {
  const t = performance.now();
  runDetectors(points, { ...ctx, enabled: new Set([id]) });
  console.log(id, (performance.now() - t).toFixed(0));
}
