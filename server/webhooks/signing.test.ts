import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { generateWebhookSecret, signWebhook, webhookMessageId } from "./signing";

describe("signWebhook", () => {
  it("produces headers Webhook.verify accepts, with one signature per secret, each verifying alone", () => {
    const [current, previous, stranger] = [generateWebhookSecret(), generateWebhookSecret(), generateWebhookSecret()];
    const body = JSON.stringify({ type: "webhook.test", timestamp: new Date().toISOString(), data: {} });
    const headers = signWebhook({ messageId: webhookMessageId("0b6a2c1e-0000-4000-8000-000000000001"), timestamp: new Date(), body, secrets: [current, previous] });
    expect(headers["webhook-id"]).toBe("msg_0b6a2c1e000040008000000000000001");
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(stranger).verify(body, headers)).toThrow("No matching signature found");
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });

  it("makes secrets of 32 random bytes", () => {
    const secret = generateWebhookSecret();
    expect(Buffer.from(secret.replace(/^whsec_/, ""), "base64")).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});
