/**
 * The simulated product: what its outputs look like, how good they really are, who labels them and how.
 * A scenario changes some of this from its onset day on; everything else stays stationary, day after day.
 */

/** The queue's one field: the latent truth of each output is one of these. */
export const verdicts = ["good", "partial", "wrong"] as const;
export type Verdict = (typeof verdicts)[number];

export type Mix<K extends string = string> = Readonly<Record<K, number>>;

/** How one synthetic annotator answers on a given day. */
export type AnnotatorBehaviour =
  /** Answers from their confusion matrix over the latent label, ignoring what is pre-selected. */
  | { kind: "honest"; accuracy: number; medianSeconds: number }
  /** Submits whatever is pre-selected, decoys included, in a few seconds. */
  | { kind: "rubber_stamp"; medianSeconds: number };

export type AnnotatorProfile = { key: string; name: string; accuracy: number; medianSeconds: number };

/** Everything the simulation draws one day's traffic and answers from. */
export type DayWorld = {
  outputsPerDay: number;
  labelMix: Mix<Verdict>;
  modelMix: Mix;
  localeMix: Mix;
  topicMix: Mix;
  /** Median characters of the input text. */
  inputLengthMedian: number;
  /** How often the judge's suggestion is the latent label. */
  judgeAccuracy: number;
  /** One per annotator profile, in the same order. */
  annotators: readonly AnnotatorBehaviour[];
  /** Chance that an output gets the signal, by its latent label: users dislike bad answers more. */
  thumbsDownRate: Mix<Verdict>;
  regenerateRate: Mix<Verdict>;
};

export const annotatorProfiles: readonly AnnotatorProfile[] = [
  { key: "ada", name: "Ada (simulated)", accuracy: 0.88, medianSeconds: 24 },
  { key: "bo", name: "Bo (simulated)", accuracy: 0.85, medianSeconds: 31 },
  { key: "cy", name: "Cy (simulated)", accuracy: 0.83, medianSeconds: 19 },
  { key: "dee", name: "Dee (simulated)", accuracy: 0.86, medianSeconds: 27 },
  { key: "eli", name: "Eli (simulated)", accuracy: 0.84, medianSeconds: 35 },
];

export const JUDGE_SOURCE = "judge-sim-v1";
/** Share of produced outputs the simulated queue samples for review. */
export const QUEUE_SAMPLING_RATE = 0.5;

export const baselineWorld: DayWorld = {
  outputsPerDay: 66,
  labelMix: { good: 0.55, partial: 0.25, wrong: 0.2 },
  modelMix: { "support-bot-a": 0.6, "support-bot-b": 0.4 },
  localeMix: { en: 0.7, de: 0.2, fr: 0.1 },
  topicMix: { billing: 0.4, login: 0.35, shipping: 0.25 },
  inputLengthMedian: 220,
  judgeAccuracy: 0.7,
  annotators: annotatorProfiles.map(({ accuracy, medianSeconds }) => ({ kind: "honest", accuracy, medianSeconds })),
  thumbsDownRate: { good: 0.03, partial: 0.08, wrong: 0.2 },
  regenerateRate: { good: 0.04, partial: 0.1, wrong: 0.15 },
};

/**
 * The chance of answering `given` when the latent label is `truth`: right with `accuracy`, and a miss lands
 * on the neighbouring verdict more often than on the far one (good and wrong are rarely confused).
 */
export function answerProbabilities(truth: Verdict, accuracy: number): Mix<Verdict> {
  const miss = 1 - accuracy;
  switch (truth) {
    case "good":
      return { good: accuracy, partial: miss * 0.75, wrong: miss * 0.25 };
    case "partial":
      return { good: miss * 0.5, partial: accuracy, wrong: miss * 0.5 };
    case "wrong":
      return { good: miss * 0.25, partial: miss * 0.75, wrong: accuracy };
  }
}
