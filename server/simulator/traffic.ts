import { drawKey, drawLogNormal, streamFor, type Random } from "./random";
import { answerProbabilities, JUDGE_SOURCE, type DayWorld, type Verdict } from "./world";

/** One output as `ingestOutputs` takes it, with the latent label only the simulation knows. */
export type SimulatedOutput = { externalId: string; truth: Verdict; item: Record<string, unknown> };
export type SimulatedSignal = { external_id: string; kind: "thumbs_down" | "regenerate" };
export type DayTraffic = { outputs: SimulatedOutput[]; signals: SimulatedSignal[] };

const questions: Readonly<Record<string, readonly string[]>> = {
  billing: ["I was charged twice this month", "Where can I download my invoice", "Why did my plan price change", "Can I get a refund for the annual plan"],
  login: ["The reset email never arrives", "My account is locked after too many attempts", "Two-factor codes are rejected", "I cannot sign in with Google anymore"],
  shipping: ["My parcel has not moved for a week", "Can I change the delivery address", "The tracking link shows an error", "Do you ship to the Canary Islands"],
};

// Words the simulated users and bot write with: enough of them that distinct-n and near-duplicate rates
// look like real support traffic, stationary unless a scenario changes the texts.
const vocabulary = (
  "please account order invoice refund card payment plan monthly annual charge twice bank statement reset email link " +
  "spam folder password locked attempts code phone device browser cache cookies parcel tracking carrier delivery address " +
  "warehouse return label days business week today tomorrow team support agent ticket number reference settings security " +
  "profile checkout subscription upgrade downgrade cancel renewal receipt tax country region currency exchange voucher " +
  "discount store app update version error message screen button page loading slow again still never always already"
).split(" ");
const connectives = ["the", "a", "your", "we", "you", "can", "will", "is", "to", "and", "in", "for", "after", "before", "if", "then"];

function drawWords(random: Random, count: number): string {
  const words: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const pool = random() < 0.35 ? connectives : vocabulary;
    words.push(pool[Math.floor(random() * pool.length)]!);
  }
  return words.join(" ");
}

/** A user message of about `length` characters: a topic question padded with their own words. */
function drawInput(random: Random, topic: string, targetLength: number): string {
  const topicQuestions = questions[topic] ?? questions.billing!;
  let text = `${topicQuestions[Math.floor(random() * topicQuestions.length)]!}.`;
  while (text.length < targetLength) text += ` ${drawWords(random, 6)}.`;
  return text.slice(0, Math.max(40, Math.round(targetLength)));
}

function drawVerdict(random: Random, mix: Readonly<Record<Verdict, number>>): Verdict {
  return drawKey(random, mix);
}

/**
 * One day's production traffic: outputs with their latent label, the judge's suggestion (right with the
 * judge's accuracy, otherwise a neighbouring verdict) and the thumbs-down and regenerate signals users send.
 */
export function generateDayTraffic(world: DayWorld, seed: number, day: number): DayTraffic {
  const random = streamFor(seed, "traffic", day);
  const outputs: SimulatedOutput[] = [];
  const signals: SimulatedSignal[] = [];
  for (let index = 0; index < world.outputsPerDay; index += 1) {
    const externalId = `sim-d${String(day).padStart(3, "0")}-${String(index).padStart(4, "0")}`;
    const truth = drawVerdict(random, world.labelMix);
    const topic = drawKey(random, world.topicMix);
    const locale = drawKey(random, world.localeMix);
    const suggestion = drawVerdict(random, answerProbabilities(truth, world.judgeAccuracy));
    outputs.push({
      externalId,
      truth,
      item: {
        external_id: externalId,
        model: drawKey(random, world.modelMix),
        tags: ["support", topic],
        metadata: { locale, channel: random() < 0.7 ? "chat" : "email" },
        input: drawInput(random, topic, drawLogNormal(random, world.inputLengthMedian, 0.35)),
        output: `${drawWords(random, 12 + Math.floor(random() * 20))}.`,
        suggestion: { source: JUDGE_SOURCE, values: { verdict: suggestion } },
      },
    });
    if (random() < world.thumbsDownRate[truth]) signals.push({ external_id: externalId, kind: "thumbs_down" });
    if (random() < world.regenerateRate[truth]) signals.push({ external_id: externalId, kind: "regenerate" });
  }
  return { outputs, signals };
}
