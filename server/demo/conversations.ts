import type { IngestOutput, SignalKind } from "@/server/ingest/schema";
import { supportTopics, type DemoVerdict } from "./support-scenarios";

// Synthetic support-bot traffic for the demo project: realistic enough that labelling it means reading it.
// Every answer is drawn from the scenario of the question it answers (server/demo/support-scenarios.ts).

const systemPrompt = "You are Acme's support assistant. Be accurate, kind and brief. Never ask for passwords or card numbers.";
const models = ["support-bot-v3", "support-bot-v3", "support-bot-v4-mini"];
const channels = ["web", "email", "mobile"];
const locales = ["en-GB", "en-US", "de-DE", "nb-NO"];

/** A small seeded PRNG (mulberry32), so every demo install gets the same traffic. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

export type DemoSignal = { externalId: string; kind: SignalKind; value?: number; comment?: string };
/** What a careful reviewer would say about one output: the scenario it came from, its verdict and the answer it should have been. */
export type DemoReference = { topic: string; scenario: string; verdict: DemoVerdict; goodAnswer: string };
export type DemoTraffic = { outputs: IngestOutput[]; signals: DemoSignal[]; reference: Map<string, DemoReference> };

/** `count` support conversations from the last two weeks, about a third of them flawed, with the feedback users gave. */
export function generateDemoTraffic(count: number, now = new Date(), seed = 20261124): DemoTraffic {
  const random = seededRandom(seed);
  const outputs: IngestOutput[] = [];
  const signals: DemoSignal[] = [];
  const reference = new Map<string, DemoReference>();
  for (let index = 0; index < count; index += 1) {
    const topic = pick(random, supportTopics);
    const scenario = pick(random, topic.scenarios);
    const order = String(100_000 + Math.floor(random() * 900_000));
    const fill = (text: string) => text.replaceAll("{order}", order);
    const flaw = random() < 0.35 ? pick(random, scenario.flawedAnswers) : null;
    const externalId = `demo-${String(index + 1).padStart(4, "0")}`;
    reference.set(externalId, { topic: topic.tag, scenario: scenario.key, verdict: flaw?.verdict ?? "correct", goodAnswer: fill(scenario.goodAnswer) });
    const producedAt = new Date(now.getTime() - Math.floor(random() * 14 * 24 * 3_600_000));
    outputs.push({
      external_id: externalId,
      input: [
        { role: "system", content: systemPrompt },
        { role: "user", content: fill(scenario.question) },
      ],
      output: fill(flaw?.text ?? scenario.goodAnswer),
      model: pick(random, models),
      tags: ["support", topic.tag],
      metadata: { channel: pick(random, channels), locale: pick(random, locales) },
      end_user_id: `customer-${Math.floor(random() * 120)}`,
      consent: random() > 0.03,
      produced_at: producedAt.toISOString(),
    });
    const feedback = random();
    if (flaw ? feedback < 0.6 : feedback < 0.05) {
      signals.push({ externalId, kind: "thumbs_down", comment: flaw && random() < 0.5 ? "This is wrong." : undefined });
    } else if (feedback < 0.8) {
      signals.push({ externalId, kind: "thumbs_up" });
    }
    if (random() < 0.1) signals.push({ externalId, kind: "regenerate" });
    if (random() < 0.15) signals.push({ externalId, kind: "copy" });
  }
  return { outputs, signals, reference };
}
