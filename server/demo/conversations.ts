import type { IngestOutput, SignalKind } from "@/server/ingest/schema";

/**
 * Synthetic support-bot traffic for the demo project: realistic enough that labelling it means reading it.
 * Each topic has a good answer and flawed ones (a wrong policy, a made-up link, a curt brush-off), so
 * annotators have real reasons to disagree and correct.
 */
type Topic = {
  tag: string;
  questions: string[];
  goodAnswer: string;
  flawedAnswers: string[];
};

const topics: Topic[] = [
  {
    tag: "refunds",
    questions: [
      "I was charged twice for my order #{order}. Can I get one of them refunded?",
      "How long does a refund take to show up on my card?",
      "I returned the headphones last week, where is my money?",
    ],
    goodAnswer:
      "Sorry about that! I can see order **#{order}**. Refunds go back to the original payment method and usually appear within **5–7 business days** after we receive the return.\n\nIf it has been longer than that, reply here and I'll escalate it to billing.",
    flawedAnswers: [
      "Refunds take 24 hours. If you don't see it, your bank is at fault.",
      "Please fill in the refund form at https://acme.example/refund-now-fast and include your card number so we can verify it.",
      "We don't do refunds.",
    ],
  },
  {
    tag: "password",
    questions: ["I can't log in, the reset email never arrives.", "How do I change my password?", "My account got locked after too many attempts."],
    goodAnswer:
      "Let's get you back in:\n\n1. Go to **Sign in → Forgot password**.\n2. Check your spam folder for an email from `no-reply@acme.example`.\n3. The link is valid for 30 minutes.\n\nIf your account is locked, it unlocks automatically after 15 minutes.",
    flawedAnswers: [
      "Send me your current password and I'll reset it for you.",
      "Just create a new account, it's faster.",
      "Passwords can only be changed by calling our phone line, which is open Mondays.",
    ],
  },
  {
    tag: "shipping",
    questions: ["Where is my package? Tracking hasn't updated in 4 days.", "Do you ship to Norway?", "Can I change the delivery address for order #{order}?"],
    goodAnswer:
      "Tracking can pause while a parcel crosses a border. For order **#{order}** the carrier's last scan was at the sorting hub, which is normal.\n\nIf there is no update within **3 more business days**, I'll open a trace with the carrier for you.",
    flawedAnswers: [
      "Your package is lost. We'll send a new one today.",
      "Shipping is the carrier's problem, please contact them.",
      "We ship everywhere in the world within 24 hours, guaranteed.",
    ],
  },
  {
    tag: "billing",
    questions: ["Why did my subscription price go up?", "Can I get an invoice with my company's VAT number?", "What payment methods do you accept?"],
    goodAnswer:
      "You can add your VAT number under **Settings → Billing → Tax details**; every invoice after that includes it. Past invoices can be regenerated from the same page.\n\n```\nSettings → Billing → Tax details → Save\n```",
    flawedAnswers: [
      "Prices changed because of inflation. Nothing can be done.",
      "Invoices with VAT numbers are only available on the Enterprise plan ($2,000/month).",
      "We accept Bitcoin only.",
    ],
  },
  {
    tag: "cancellation",
    questions: ["How do I cancel my subscription?", "If I cancel today, do I lose access immediately?", "I want to delete my account and all my data."],
    goodAnswer:
      "You can cancel any time under **Settings → Plan → Cancel subscription**. You keep access until the end of the period you've paid for, and you won't be charged again.\n\nTo delete your data as well, use **Settings → Privacy → Delete account**.",
    flawedAnswers: [
      "Are you sure? You'll lose all your data forever the moment you click cancel.",
      "Cancellation requires a 90-day written notice sent by post.",
      "I've cancelled it for you.",
    ],
  },
  {
    tag: "api",
    questions: ["I'm getting HTTP 429 from your API, what's the limit?", "How do I paginate the /orders endpoint?", "Is there a sandbox environment for testing?"],
    goodAnswer:
      "The API allows **100 requests per minute** per key. A 429 response carries a `Retry-After` header; wait that many seconds before retrying.\n\n```js\nconst response = await fetch(url, { headers });\nif (response.status === 429) await sleep(Number(response.headers.get(\"retry-after\")) * 1000);\n```",
    flawedAnswers: [
      "There is no rate limit, the 429 must be a bug on your side.",
      "Use `GET /orders?all=true` to fetch everything in one request.",
      "Rate limits are 5 requests per day on every plan.",
    ],
  },
];

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
/** What a careful reviewer would say about each output, so the demo can simulate realistic labelling. */
export type DemoReference = { verdict: "correct" | "wrong" | "unsafe"; goodAnswer: string };
export type DemoTraffic = { outputs: IngestOutput[]; signals: DemoSignal[]; reference: Map<string, DemoReference> };

// Answers that ask for secrets, link somewhere odd or claim an action the bot cannot take.
const unsafePattern = /your current password|card number|https?:\/\/|cancelled it for you/i;

/** `count` support conversations from the last two weeks, about a third of them flawed, with the feedback users gave. */
export function generateDemoTraffic(count: number, now = new Date(), seed = 20261124): DemoTraffic {
  const random = seededRandom(seed);
  const outputs: IngestOutput[] = [];
  const signals: DemoSignal[] = [];
  const reference = new Map<string, DemoReference>();
  for (let index = 0; index < count; index += 1) {
    const topic = pick(random, topics);
    const order = String(100_000 + Math.floor(random() * 900_000));
    const isFlawed = random() < 0.35;
    const answer = (isFlawed ? pick(random, topic.flawedAnswers) : topic.goodAnswer).replaceAll("{order}", order);
    const question = pick(random, topic.questions).replaceAll("{order}", order);
    const externalId = `demo-${String(index + 1).padStart(4, "0")}`;
    const goodAnswer = topic.goodAnswer.replaceAll("{order}", order);
    reference.set(externalId, { verdict: !isFlawed ? "correct" : unsafePattern.test(answer) ? "unsafe" : "wrong", goodAnswer });
    const producedAt = new Date(now.getTime() - Math.floor(random() * 14 * 24 * 3_600_000));
    outputs.push({
      external_id: externalId,
      input: [
        { role: "system", content: systemPrompt },
        { role: "user", content: question },
      ],
      output: answer,
      model: pick(random, models),
      tags: ["support", topic.tag],
      metadata: { channel: pick(random, channels), locale: pick(random, locales) },
      end_user_id: `customer-${Math.floor(random() * 120)}`,
      consent: random() > 0.03,
      produced_at: producedAt.toISOString(),
    });
    const feedback = random();
    if (isFlawed ? feedback < 0.6 : feedback < 0.05) {
      signals.push({ externalId, kind: "thumbs_down", comment: isFlawed && random() < 0.5 ? "This is wrong." : undefined });
    } else if (feedback < 0.8) {
      signals.push({ externalId, kind: "thumbs_up" });
    }
    if (random() < 0.1) signals.push({ externalId, kind: "regenerate" });
    if (random() < 0.15) signals.push({ externalId, kind: "copy" });
  }
  return { outputs, signals, reference };
}
