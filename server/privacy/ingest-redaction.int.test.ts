import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { hashCanonicalContent, toCanonicalJson } from "@/server/ingest/content-hash";
import { ingestOutputs } from "@/server/ingest/service";
import { ingestSignals } from "@/server/ingest/signals-service";
import { defaultPrivacySettings } from "./schema";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const projectId = () => team.project.id;
const lead = () => createCaller(createInnerContext({ db: testDb.db, user: team.members.lead }));
const ingest = (items: unknown[]) => ingestOutputs(testDb.db, { projectId: projectId(), apiKeyId: null }, items);

const PII = {
  email: "jane.doe@example.com",
  phone: "+44 20 7946 0958",
  card: "4111 1111 1111 1111",
  iban: "DE89 3704 0044 0532 0130 00",
  ip: "203.0.113.9",
  secret: ["AKIA", "IOSFODNN7EXAMPLE"].join(""),
};

/** Every stored column of the project's outputs and signals as text, to search for what must not be there. */
async function storedText() {
  const outputs = await testDb.db.selectFrom("outputs").selectAll().where("project_id", "=", projectId()).execute();
  const signals = await testDb.db.selectFrom("signals").selectAll().where("project_id", "=", projectId()).execute();
  return JSON.stringify({ outputs, signals });
}

async function storedOutput(externalId: string) {
  return testDb.db
    .selectFrom("outputs")
    .select(["input", "output", "metadata", "redaction_counts as redactionCounts", "content_hash as contentHash"])
    .where("project_id", "=", projectId())
    .where("external_id", "=", externalId)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

describe("redaction at ingest", () => {
  it("stores no PII in input, chat messages, output, chosen metadata or signal comments, and counts each rule", async () => {
    await lead().privacy.updateSettings({ projectId: projectId(), ...defaultPrivacySettings, metadataKeys: ["customer_email"] });
    const result = await ingest([
      {
        external_id: "pii-1",
        input: [
          { role: "system", content: "You help customers." },
          { role: "user", content: `I am ${PII.email}, call ${PII.phone}. My card ${PII.card} was charged twice from ${PII.ip}.` },
        ],
        output: `Refund to ${PII.iban}? Never paste keys like ${PII.secret}.`,
        metadata: { customer_email: PII.email, locale: "en", tier: 2 },
        end_user_id: "customer-1",
      },
      { external_id: "pii-2", input: `Reach me at ${PII.email} or ${PII.email}`, output: "Noted." },
    ]);
    expect(result.summary).toEqual({ created: 2, duplicate: 0, rejected: 0 });

    const first = await storedOutput("pii-1");
    expect(first.input).toEqual([
      { role: "system", content: "You help customers." },
      { role: "user", content: "I am [EMAIL], call [PHONE]. My card [CARD] was charged twice from [IP]." },
    ]);
    expect(first.output).toBe("Refund to [IBAN]? Never paste keys like [SECRET].");
    expect(first.metadata).toEqual({ customer_email: "[EMAIL]", locale: "en", tier: 2 });
    expect(first.redactionCounts).toEqual({ email: 2, phone: 1, card: 1, ip: 1, iban: 1, secret: 1 });
    // The hash covers the redacted content, so two outputs differing only in PII dedupe in a queue.
    expect(first.contentHash).toBe(hashCanonicalContent(toCanonicalJson(first.input), toCanonicalJson(first.output)));
    expect((await storedOutput("pii-2")).redactionCounts).toEqual({ email: 2 });

    await ingestSignals(testDb.db, { projectId: projectId() }, [{ external_id: "pii-1", kind: "thumbs_down", comment: `wrong, write to ${PII.email}` }]);
    const comment = await testDb.db.selectFrom("signals").select("comment").where("project_id", "=", projectId()).executeTakeFirstOrThrow();
    expect(comment.comment).toBe("wrong, write to [EMAIL]");

    const text = await storedText();
    for (const value of [...Object.values(PII), PII.card.replaceAll(" ", ""), "jane.doe"]) expect(text).not.toContain(value);
  });

  it("stores an output without PII as sent, with empty counts", async () => {
    await ingest([{ external_id: "clean-1", input: "How do refunds work?", output: "Refunds take 5 business days (version 1.2.3.4)." }]);
    const stored = await storedOutput("clean-1");
    expect(stored).toMatchObject({ input: "How do refunds work?", output: "Refunds take 5 business days (version 1.2.3.4).", redactionCounts: {} });
  });

  it("applies saved settings to the next batch: a rule turned off, a custom pattern added, metadata keys changed", async () => {
    await lead().privacy.updateSettings({
      projectId: projectId(),
      enabledRules: ["phone", "card", "iban", "secret", "ip"],
      customRules: [{ name: "order-id", pattern: "ORD-\\d{6}", caseInsensitive: false }],
      metadataKeys: [],
      phoneRegion: "US",
    });
    await ingest([{ external_id: "custom-1", input: `Order ORD-123456 for ${PII.email}`, output: "ok", metadata: { customer_email: PII.email } }]);
    const stored = await storedOutput("custom-1");
    expect(stored).toMatchObject({ input: `Order [CUSTOM:order-id] for ${PII.email}`, metadata: { customer_email: PII.email }, redactionCounts: { "custom:order-id": 1 } });
  });
});
