// The server half of bench/ingest.ts: serves the real POST /api/v1/outputs route handler over HTTP in a
// process of its own, as a deployed server would be, so the load generator's work does not share its
// event loop. DATABASE_URL comes from the parent; the port goes back over IPC.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { POST as postOutputs } from "../app/api/v1/outputs/route";
import { closeDatabase } from "../db";

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", async () => {
    // The same adaptation Next makes: a web Request in, a web Response out.
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const response = await postOutputs(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
});

server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on("disconnect", () => {
  server.close();
  void closeDatabase();
});
