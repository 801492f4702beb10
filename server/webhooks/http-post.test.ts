import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { postWebhook } from "./http-post";

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
  server = null;
});

/** A loopback server answering with `handler`; resolves to its port. */
function serve(handler: Parameters<typeof createServer>[1]): Promise<number> {
  return new Promise((resolve) => {
    server = createServer(handler);
    server.listen(0, "127.0.0.1", () => resolve((server!.address() as AddressInfo).port));
  });
}

const loopback = { address: "127.0.0.1", family: 4 as const };

describe("postWebhook", () => {
  it("connects to the checked address, not to whatever the URL's name resolves to now", async () => {
    let host = "";
    const port = await serve((request, response) => {
      host = request.headers.host ?? "";
      response.writeHead(200).end("ok");
    });
    const outcome = await postWebhook({ url: `http://hooks.invalid:${port}/in`, address: loopback, headers: { "webhook-id": "msg_1" }, body: "{}" });
    expect(outcome).toMatchObject({ statusCode: 200, isSuccess: true, responseExcerpt: "ok", error: null });
    expect(host).toBe(`hooks.invalid:${port}`);
  });

  it("gives up at the deadline when the receiver never answers", async () => {
    const port = await serve(() => {});
    const outcome = await postWebhook({ url: `http://127.0.0.1:${port}/`, address: loopback, headers: {}, body: "{}", timeoutMs: 200 });
    expect(outcome).toMatchObject({ statusCode: null, isSuccess: false, error: "timed out after 0.2 s" });
  });

  it("keeps at most 4 KB of a response that never ends", async () => {
    const port = await serve((_request, response) => {
      response.writeHead(200);
      const drip = setInterval(() => response.write("y".repeat(1_024)), 1);
      response.on("close", () => clearInterval(drip));
    });
    const outcome = await postWebhook({ url: `http://127.0.0.1:${port}/`, address: loopback, headers: {}, body: "{}", timeoutMs: 5_000 });
    expect(outcome).toMatchObject({ statusCode: 200, isSuccess: true });
    expect(outcome.responseExcerpt!.length).toBe(4_096);
  });

  it("treats a redirect as a failure and does not follow it", async () => {
    let hits = 0;
    const port = await serve((_request, response) => {
      hits += 1;
      response.writeHead(302, { location: "/again" }).end();
    });
    const outcome = await postWebhook({ url: `http://127.0.0.1:${port}/`, address: loopback, headers: {}, body: "{}" });
    expect(outcome).toMatchObject({ statusCode: 302, isSuccess: false, error: "redirect (302) not followed" });
    expect(hits).toBe(1);
  });

  it("records a refused connection as an error, without throwing", async () => {
    const port = await serve(() => {});
    server!.close();
    const outcome = await postWebhook({ url: `http://127.0.0.1:${port}/`, address: loopback, headers: {}, body: "{}" });
    expect(outcome).toMatchObject({ statusCode: null, isSuccess: false, error: expect.stringMatching(/^ECONNREFUSED/) });
  });
});
