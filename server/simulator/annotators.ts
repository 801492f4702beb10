import { drawKey, drawLogNormal, type Random } from "./random";
import { answerProbabilities, verdicts, type AnnotatorBehaviour, type Verdict } from "./world";

/** What a synthetic annotator submits. */
export type SimulatedAnswer = { verdict: Verdict; timeSpentMs: number };

function isVerdict(value: unknown): value is Verdict {
  return verdicts.some((verdict) => verdict === value);
}

/**
 * An annotator's answer to one item. Honest annotators answer from their confusion matrix over the latent
 * label, whatever is pre-selected. A rubber-stamper submits the pre-selected suggestion (a decoy looks the
 * same to them) in a few seconds; with nothing pre-selected they fall back to a quick honest look.
 */
export function answerItem(behaviour: AnnotatorBehaviour, truth: Verdict, shownVerdict: string | undefined, random: Random): SimulatedAnswer {
  const timeSpentMs = Math.round(drawLogNormal(random, behaviour.medianSeconds * 1_000, behaviour.kind === "honest" ? 0.45 : 0.3));
  if (behaviour.kind === "rubber_stamp" && isVerdict(shownVerdict)) return { verdict: shownVerdict, timeSpentMs };
  const accuracy = behaviour.kind === "honest" ? behaviour.accuracy : 0.8;
  return { verdict: drawKey(random, answerProbabilities(truth, accuracy)), timeSpentMs };
}
