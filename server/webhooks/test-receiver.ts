import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { webhookPayloadSchema, type WebhookPayload } from "./schema";

/** One request the receiver took, with what it verified. */
export type ReceivedWebhook = { webhookId: string; signatures: string[]; payload: WebhookPayload; verifiedWith: string[] };

/** How the receiver answers: 204, a 500, a redirect, or a 200 with a body far longer than anyone reads. */
export type ReceiverMode = "ok" | "fail" | "redirect" | "huge";

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A real webhook receiver on loopback for tests. It verifies every request with standardwebhooks'
 * `Webhook.verify` against each secret it knows, refuses (401) what none verifies and (400) a body not
 * shaped {type, timestamp, data}, records every request it answered 2xx, and can go down and come back
 * on the same port.
 */
export async function startTestReceiver(options: { secrets: () => string[] }) {
  const received: ReceivedWebhook[] = [];
  const refused: string[] = [];
  let mode: ReceiverMode = "ok";
  let server: Server | null = null;
  let port = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, String(value)]));
    const verifiedWith = options.secrets().filter((secret) => {
      try {
        new Webhook(secret).verify(body, headers);
        return true;
      } catch {
        return false;
      }
    });
    if (verifiedWith.length === 0) {
      refused.push(headers["webhook-id"] ?? "(none)");
      response.writeHead(401).end("signature did not verify");
      return;
    }
    const payload = webhookPayloadSchema.safeParse(JSON.parse(body));
    if (!payload.success) {
      refused.push(headers["webhook-id"]!);
      response.writeHead(400).end("the body is not {type, timestamp, data}");
      return;
    }
    switch (mode) {
      case "fail":
        response.writeHead(500, { "content-type": "text/plain" }).end("receiver is failing on purpose");
        return;
      case "redirect":
        response.writeHead(307, { location: "http://127.0.0.1:1/elsewhere" }).end();
        return;
      case "huge":
      case "ok":
        received.push({ webhookId: headers["webhook-id"]!, signatures: headers["webhook-signature"]!.split(" "), payload: payload.data, verifiedWith });
        if (mode === "huge") response.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(1_000_000));
        else response.writeHead(204).end();
        return;
    }
  };

  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((request, response) => void handle(request, response));
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
      server = null;
    });

  await listen();
  return {
    received,
    refused,
    get url() {
      return `http://127.0.0.1:${port}/hooks`;
    },
    setMode: (next: ReceiverMode) => {
      mode = next;
    },
    /** Takes the receiver down: connections are refused until `start()`. */
    stop: close,
    /** Brings it back on the same port. */
    start: listen,
    /** How many 2xx deliveries each webhook-id got. */
    countsById: () => received.reduce((counts, item) => counts.set(item.webhookId, (counts.get(item.webhookId) ?? 0) + 1), new Map<string, number>()),
  };
}

export type TestReceiver = Awaited<ReturnType<typeof startTestReceiver>>;
