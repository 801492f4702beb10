// The server half of bench/latency.ts: serves the real ingest route (POST /api/v1/outputs) and the real gold
// feed stream (GET /api/v1/gold/stream) over HTTP in a process of its own, as a deployed server would, so the
// load generator and the annotators do not share its event loop. DATABASE_URL comes from the parent; the port
// goes back over IPC.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { GET as streamGold } from "../app/api/v1/gold/stream/route";
import { POST as postOutputs } from "../app/api/v1/outputs/route";
import { closeDatabase } from "../db";

const routes: Record<string, (request: Request) => Promise<Response>> = {
  "POST /api/v1/outputs": postOutputs,
  "GET /api/v1/gold/stream": streamGold,
};

/** Writes a web Response to Node's response as it is produced, so a stream's events leave at once. */
async function send(response: Response, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => undefined));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return void res.end();
    res.write(value);
  }
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", async () => {
    const route = routes[`${req.method} ${new URL(req.url ?? "/", "http://bench").pathname}`];
    if (!route) return void res.writeHead(404).end();
    // The same adaptation Next makes: a web Request in, a web Response out.
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const body = req.method === "GET" ? undefined : Buffer.concat(chunks);
    await send(await route(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body })), res).catch(() => res.destroy());
  });
});

server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on("disconnect", () => {
  server.closeAllConnections();
  server.close();
  void closeDatabase();
});
