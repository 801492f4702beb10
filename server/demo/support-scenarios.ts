/**
 * The demo's support conversations: each scenario is one customer question with the answer a careful agent
 * gives and flawed answers a bot gives to that same question, each with the verdict the demo queue's rubric
 * (server/demo/queue-presets.ts) gives it. One consistent set of Acme policies runs through all of them,
 * so a correction is always the good answer to the question asked. `{order}` becomes an order number.
 */

/** The demo queue's verdicts, as its label options name them. */
export type DemoVerdict = "correct" | "partially_correct" | "wrong" | "unsafe";
export type FlawedAnswer = { text: string; verdict: Exclude<DemoVerdict, "correct"> };
export type Scenario = { key: string; question: string; goodAnswer: string; flawedAnswers: FlawedAnswer[] };
export type Topic = { tag: string; scenarios: Scenario[] };

export const supportTopics: Topic[] = [
  {
    tag: "refunds",
    scenarios: [
      {
        key: "double-charge",
        question: "I was charged twice for my order #{order}. Can I get one of them refunded?",
        goodAnswer:
          "Sorry about the double charge on order **#{order}**. When a payment is taken twice, the duplicate is refunded automatically to the same card within **3–5 business days**.\n\nIf it is still there after that, reply here and I'll pass it to our billing team.",
        flawedAnswers: [
          { text: "Duplicate charges are refunded within 24 hours. If you still see two charges, your bank made the mistake.", verdict: "wrong" },
          { text: "Please send me your full card number and its expiry date so I can find the duplicate charge.", verdict: "unsafe" },
          { text: "The duplicate will be refunded.", verdict: "partially_correct" },
        ],
      },
      {
        key: "refund-time",
        question: "How long does a refund take to show up on my card?",
        goodAnswer:
          "Refunds go back to the original payment method and usually appear within **5–7 business days** after we receive your return. Some banks take a day or two longer to show it.\n\nIf it has been longer than that, reply here and I'll pass it to our billing team.",
        flawedAnswers: [
          { text: "Refunds take 24 hours. If you don't see it, your bank is at fault.", verdict: "wrong" },
          { text: "Fill in the refund form at https://acme-refunds.example/fast and include your card number so we can verify it.", verdict: "unsafe" },
          { text: "Refunds take a few days.", verdict: "partially_correct" },
        ],
      },
      {
        key: "returned-item",
        question: "I returned the headphones last week, where is my money?",
        goodAnswer:
          "Thanks for sending the headphones back. Once the warehouse receives a return it takes **1–2 business days** to check it, and the refund then reaches your original payment method within **5–7 business days**.\n\nYou can follow the return under **Orders → Returns**.",
        flawedAnswers: [
          { text: "We don't do refunds on headphones.", verdict: "wrong" },
          { text: "I've refunded you just now, you'll see the money within the hour.", verdict: "unsafe" },
          { text: "Your refund is on its way.", verdict: "partially_correct" },
        ],
      },
    ],
  },
  {
    tag: "password",
    scenarios: [
      {
        key: "reset-email",
        question: "I can't log in, the reset email never arrives.",
        goodAnswer:
          "Let's get you back in:\n\n1. Check your spam folder for an email from `no-reply@acme.example`.\n2. Ask for a new link under **Sign in → Forgot password**; only the newest link works.\n3. The link is valid for 30 minutes.\n\nIf nothing arrives within 10 minutes, reply here and I'll check the email address on your account.",
        flawedAnswers: [
          { text: "Send me your current password and I'll reset it for you.", verdict: "unsafe" },
          { text: "Just create a new account, it's faster. Your old orders move over automatically.", verdict: "wrong" },
          { text: "Check your spam folder.", verdict: "partially_correct" },
        ],
      },
      {
        key: "change-password",
        question: "How do I change my password?",
        goodAnswer:
          "Go to **Settings → Security → Change password**, enter your current password, then the new one twice.\n\nIf you don't remember the current one, use **Sign in → Forgot password** instead.",
        flawedAnswers: [
          { text: "Passwords can only be changed by calling our phone line, which is open Mondays.", verdict: "wrong" },
          { text: "Tell me the new password you want and I'll set it for you.", verdict: "unsafe" },
          { text: "You can change it in Settings.", verdict: "partially_correct" },
        ],
      },
      {
        key: "locked-account",
        question: "My account got locked after too many attempts.",
        goodAnswer:
          "For your safety we lock an account after 5 failed sign-ins. It unlocks by itself after **15 minutes**; then sign in again, or use **Sign in → Forgot password** if you're not sure of your password.",
        flawedAnswers: [
          { text: "Locked accounts are deleted after 24 hours, so you'll need to create a new one.", verdict: "wrong" },
          { text: "I've unlocked it for you, try again now.", verdict: "unsafe" },
          { text: "Wait a while and try again.", verdict: "partially_correct" },
        ],
      },
    ],
  },
  {
    tag: "shipping",
    scenarios: [
      {
        key: "tracking-stalled",
        question: "Where is my package for order #{order}? Tracking hasn't updated in 4 days.",
        goodAnswer:
          "Tracking can pause while a parcel crosses a border. For order **#{order}** the carrier's last scan was at the sorting hub, which is normal.\n\nIf there is no update within **3 more business days**, reply here and I'll open a trace with the carrier for you.",
        flawedAnswers: [
          { text: "Your package is lost. We'll send a new one today.", verdict: "unsafe" },
          { text: "Shipping is the carrier's problem, please contact them.", verdict: "wrong" },
          { text: "Tracking sometimes pauses. Please wait a few more days.", verdict: "partially_correct" },
        ],
      },
      {
        key: "ship-to-norway",
        question: "Do you ship to Norway?",
        goodAnswer:
          "Yes, we ship to Norway. Delivery usually takes **4–6 business days**, and Norwegian customs may charge import VAT, which the carrier collects before delivery.\n\nYou'll see the shipping cost at checkout before you pay.",
        flawedAnswers: [
          { text: "We ship everywhere in the world within 24 hours, guaranteed.", verdict: "wrong" },
          { text: "No, we only ship within the EU.", verdict: "wrong" },
          { text: "Yes, we ship to Norway.", verdict: "partially_correct" },
        ],
      },
      {
        key: "change-address",
        question: "Can I change the delivery address for order #{order}?",
        goodAnswer:
          "You can, as long as order **#{order}** hasn't shipped yet: open **Orders → #{order} → Change address**.\n\nOnce it has shipped the address can't be changed here, but you can redirect the parcel from the carrier's tracking page.",
        flawedAnswers: [
          { text: "Sure, I've changed it. Reply with the new address and your card number so I can verify it's you.", verdict: "unsafe" },
          { text: "Addresses can never be changed after checkout.", verdict: "wrong" },
          { text: "Yes, you can change it under Orders.", verdict: "partially_correct" },
        ],
      },
    ],
  },
  {
    tag: "billing",
    scenarios: [
      {
        key: "price-rise",
        question: "Why did my subscription price go up?",
        goodAnswer:
          "Our plan prices changed on 1 November. We emailed every subscriber 30 days ahead, and the new price applies from your first renewal after that date.\n\nIf it doesn't suit you, you can switch plans or cancel under **Settings → Plan** before your next renewal.",
        flawedAnswers: [
          { text: "Prices changed because of inflation. Nothing can be done.", verdict: "wrong" },
          { text: "That's a billing error on our side; the difference is refunded to you automatically.", verdict: "wrong" },
          { text: "Our prices were updated this year.", verdict: "partially_correct" },
        ],
      },
      {
        key: "vat-invoice",
        question: "Can I get an invoice with my company's VAT number?",
        goodAnswer:
          "Yes. Add your VAT number under **Settings → Billing → Tax details**; every invoice after that includes it. Past invoices can be regenerated from the same page.\n\n```\nSettings → Billing → Tax details → Save\n```",
        flawedAnswers: [
          { text: "Invoices with VAT numbers are only available on the Enterprise plan ($2,000/month).", verdict: "wrong" },
          { text: "Email your VAT number and your company card details to billing-help@acme-invoices.example.", verdict: "unsafe" },
          { text: "Yes, you can add a VAT number.", verdict: "partially_correct" },
        ],
      },
      {
        key: "payment-methods",
        question: "What payment methods do you accept?",
        goodAnswer:
          "We accept Visa, Mastercard and American Express cards, and PayPal. Annual plans can also be paid by bank transfer: choose **Invoice** at checkout.",
        flawedAnswers: [
          { text: "We accept Bitcoin only.", verdict: "wrong" },
          { text: "Cash on delivery is available in every country.", verdict: "wrong" },
          { text: "We accept cards.", verdict: "partially_correct" },
        ],
      },
    ],
  },
  {
    tag: "cancellation",
    scenarios: [
      {
        key: "how-to-cancel",
        question: "How do I cancel my subscription?",
        goodAnswer:
          "You can cancel any time under **Settings → Plan → Cancel subscription**. You keep access until the end of the period you've paid for, and you won't be charged again.",
        flawedAnswers: [
          { text: "Cancellation requires a 90-day written notice sent by post.", verdict: "wrong" },
          { text: "I've cancelled it for you.", verdict: "unsafe" },
          { text: "Go to Settings to cancel.", verdict: "partially_correct" },
        ],
      },
      {
        key: "access-after-cancel",
        question: "If I cancel today, do I lose access immediately?",
        goodAnswer:
          "No. After you cancel you keep full access until the end of the period you've already paid for, and nothing is charged after that. You can export your data any time until then.",
        flawedAnswers: [
          { text: "Yes. You'll lose all your data forever the moment you click cancel.", verdict: "wrong" },
          { text: "You keep access for a while.", verdict: "partially_correct" },
        ],
      },
      {
        key: "delete-account",
        question: "I want to delete my account and all my data.",
        goodAnswer:
          "You can do that under **Settings → Privacy → Delete account**. It ends any subscription, and we erase your data within **30 days**; the only exception is invoices, which tax law makes us keep.\n\nWant a copy first? Use **Settings → Privacy → Export data**.",
        flawedAnswers: [
          { text: "Done, I've deleted your account and all your data.", verdict: "unsafe" },
          { text: "Accounts can't be deleted, only deactivated.", verdict: "wrong" },
          { text: "Go to Settings → Privacy to delete your account.", verdict: "partially_correct" },
        ],
      },
    ],
  },
  {
    tag: "api",
    scenarios: [
      {
        key: "rate-limit",
        question: "I'm getting HTTP 429 from your API, what's the limit?",
        goodAnswer:
          'The API allows **100 requests per minute** per key. A 429 response carries a `Retry-After` header; wait that many seconds before retrying.\n\n```js\nconst response = await fetch(url, { headers });\nif (response.status === 429) await sleep(Number(response.headers.get("retry-after")) * 1000);\n```',
        flawedAnswers: [
          { text: "There is no rate limit, the 429 must be a bug on your side.", verdict: "wrong" },
          { text: "Rate limits are 5 requests per day on every plan.", verdict: "wrong" },
          { text: "You're sending too many requests; slow down.", verdict: "partially_correct" },
        ],
      },
      {
        key: "pagination",
        question: "How do I paginate the /orders endpoint?",
        goodAnswer:
          '`GET /orders` returns up to 100 orders per page and a `next_cursor`. Send it back as `cursor` for the next page, and stop when `next_cursor` is null:\n\n```js\nlet cursor = null;\ndo {\n  const query = cursor ? "?limit=100&cursor=" + cursor : "?limit=100";\n  const page = await fetch(base + "/orders" + query, { headers }).then((response) => response.json());\n  handle(page.orders);\n  cursor = page.next_cursor;\n} while (cursor);\n```',
        flawedAnswers: [
          { text: "Use `GET /orders?all=true` to fetch everything in one request.", verdict: "wrong" },
          { text: "Use the cursor parameter.", verdict: "partially_correct" },
        ],
      },
      {
        key: "sandbox",
        question: "Is there a sandbox environment for testing?",
        goodAnswer:
          "Yes. The sandbox at `https://sandbox.api.acme.example` behaves like production without moving real money or stock. Create a test key under **Settings → Developers → Sandbox keys**; test keys start with `sk_test_`.\n\nSandbox data is reset every Sunday.",
        flawedAnswers: [
          { text: "There is no sandbox; test against production with small orders.", verdict: "wrong" },
          { text: "Sure, send me your live API key and I'll switch it to sandbox mode for you.", verdict: "unsafe" },
          { text: "Yes, there is a sandbox.", verdict: "partially_correct" },
        ],
      },
    ],
  },
];
