import { runDetectors } from "@/server/alerts/detectors";
import { generateSyntheticProject, syntheticQueueId } from "@/server/alerts/detectors/testing/synthetic-project";
const ctx = { granularity: "day" as const, queues: [{ id: syntheticQueueId(0), holdoutFraction: 0 }] };
const points = generateSyntheticProject({ seed: 1, windows: 60 });
runDetectors(points, { ...ctx, enabled: new Set(["input_drift"] as const) });
for (const k of ["model", "meta:key1", ""]) {
  const sub = points.filter((p) => (p.metric === "inputs.feature" && p.subject === k) || (k === "" && p.metric === "inputs.length"));
  const t = performance.now();
  runDetectors(sub, { ...ctx, enabled: new Set(["input_drift"] as const) });
  console.log(k, (performance.now() - t).toFixed(0), JSON.stringify(sub[3]!.detail));
}
