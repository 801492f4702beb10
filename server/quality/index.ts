// Public API of the label-quality core: pure functions over plain and typed arrays, no I/O.
export { computeAccuracy, computeWorkerAgreement, type AccuracyResult, type WorkerAgreement } from "./accuracy";
export {
  computeCohenKappa,
  computeCohenKappaFromLabels,
  computeCohenKappaFromRatings,
  type CohenOptions,
  type CohenResult,
  type KappaScale,
  type KappaTableResult,
  type KappaWeights,
} from "./cohen";
export {
  createBernoulliCusum,
  updateBernoulliCusum,
  type BernoulliCusumParams,
  type BernoulliCusumState,
} from "./cusum";
export { resolveDawidSkene, type DawidSkeneOptions, type DawidSkeneResult } from "./dawid-skene";
export { PROBABILITY_FLOOR, type EmOptions, type EmResult } from "./dawid-skene-em";
export { scanDetector, type DetectorScan, type DetectorStep } from "./detector";
export {
  classifyPsi,
  computeHellingerDistance,
  computeJensenShannonDistance,
  computeKlDivergence,
  computePsi,
  PSI_EMPTY_BIN,
  type PsiBand,
  type PsiBin,
  type PsiResult,
} from "./distribution";
export { computeDistinctN, computeDuplicateRate, type ShareResult } from "./diversity";
export {
  encodeItemLabels,
  encodeLabelColumns,
  encodeLabels,
  findDuplicateAnswer,
  indexByItem,
  isNumericLabel,
  NO_LABEL,
  sortLabelIds,
  type EncodedLabels,
  type ItemIndex,
  type LabelColumns,
  type LabelTriple,
} from "./encode";
export { computeEntropy, normaliseDistribution, type EntropyResult } from "./entropy";
export { estimateHajekMean, estimateHorvitzThompsonTotal, type SampleEstimate } from "./estimators";
export { computeFleissKappa, computeFleissKappaFromLabels, type FleissResult } from "./fleiss";
export {
  bootstrapKrippendorffAlpha,
  computeKrippendorffAlpha,
  type BootstrapInterval,
  type BootstrapOptions,
  type KrippendorffResult,
} from "./krippendorff";
export {
  resolveMajorityVote,
  resolveWeightedMajorityVote,
  type TieRule,
  type VoteOptions,
  type VoteResult,
} from "./majority-vote";
export {
  findMedoid,
  measureEditDistance,
  measureNormalisedEditDistance,
  resolveMedoids,
  type Medoid,
  type MedoidResolution,
} from "./medoid";
export { resolveNumeric, type NumericMethod, type NumericOptions, type NumericResolution } from "./numeric";
export { resolveOneCoin, type OneCoinResult } from "./one-coin";
export {
  createPageHinkley,
  PAGE_HINKLEY_DEFAULTS,
  updatePageHinkley,
  type PageHinkleyParams,
  type PageHinkleyState,
} from "./page-hinkley";
export { createRandom, drawInteger, type Random } from "./random";
export {
  createReliabilityData,
  toReliabilityData,
  type MeasurementLevel,
  type ReliabilityData,
} from "./reliability-data";
export { generateSyntheticLabels, type SyntheticLabels, type SyntheticOptions } from "./synthetic";
export { resolveWawa, type WawaResult } from "./wawa";
export { computeWilsonInterval, Z_95, type WilsonInterval } from "./wilson";
