import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { POST as postTraces } from "@/app/api/v1/otlp/v1/traces/route";

export type RecordedExchange = { contentType: string | null; contentEncoding: string | null; status: number; responseType: string | null; responseBody: Buffer };

/**
 * The OTLP route on a real loopback HTTP listener, so real exporters send to it as to a collector.
 * Every exchange is recorded for the tests to inspect.
 */
export async function startOtlpTestServer(): Promise<{ url: string; exchanges: RecordedExchange[]; close: () => Promise<void> }> {
  const exchanges: RecordedExchange[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const response = await postTraces(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
    const responseBody = Buffer.from(await response.arrayBuffer());
    exchanges.push({
      contentType: headers.get("content-type"),
      contentEncoding: headers.get("content-encoding"),
      status: response.status,
      responseType: response.headers.get("content-type"),
      responseBody,
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(responseBody);
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/otlp/v1/traces`;
  return { url, exchanges, close: () => new Promise((closed) => server.close(() => closed())) };
}
