// One client process of `npm run bench:collab`, forked by bench/collab.ts. It holds real HocuspocusProvider
// clients for a slice of the documents on each server, types when told to, and reports how long each mark
// took to reach the other clients of its document. A document's clients all live in one process, so a
// mark's send and arrival times come from one clock.
import * as Y from "yjs";
import { connectCollabClient, type CollabClient } from "../server/collab/provider-client";
import { signCollabToken } from "../server/collab/token";

export type SideSpec = { name: string; url: string; projectId: string; documentNames: string[]; userIds: string[] };

export type ClientCommand =
  | { type: "connect"; sides: SideSpec[]; intervalMs: number }
  | { type: "type"; side: string; seconds: number }
  | { type: "settle" }
  | { type: "close" };

export type ClientReply =
  | { type: "connected" }
  | { type: "typed"; marks: number; latencies: number[] }
  | { type: "settled"; texts: Record<string, string[]>; diverged: Record<string, number> };

/** Marks look like `⟦<process>:<n>⟧`; one per insert, so every remote insert names the mark it carries. */
const MARK = /⟦(\d+:\d+)⟧/g;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const reply = (message: ClientReply) => process.send!(message);

const clientsBySide = new Map<string, CollabClient[][]>();
const sentAt = new Map<string, number>();
let latencies: number[] = [];
let intervalMs = 1_000;
let nextMark = 0;

/** Records a mark's delivery from the update itself (a text event's delta would walk the whole text). */
function measureArrivals(client: CollabClient): void {
  client.text.doc!.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== client.provider) return;
    const now = performance.now();
    for (const struct of Y.decodeUpdate(update).structs) {
      const inserted = struct instanceof Y.Item && struct.content instanceof Y.ContentString ? struct.content.str : "";
      for (const match of inserted.matchAll(MARK)) latencies.push(now - sentAt.get(match[1]!)!);
    }
  });
}

async function connect(sides: SideSpec[]): Promise<void> {
  for (const side of sides) clientsBySide.set(side.name, []);
  const documentCount = sides[0]?.documentNames.length ?? 0;
  // Interleaved, document by document, so neither server's clients are systematically older in the heap.
  for (let index = 0; index < documentCount; index += 1) {
    for (const side of sides) {
      const documentName = side.documentNames[index]!;
      const clients = side.userIds.map((userId) =>
        connectCollabClient({
          baseUrl: side.url,
          documentName,
          token: () => signCollabToken(process.env.NEXTAUTH_SECRET!, { userId, projectId: side.projectId, documentName, isReadOnly: false }),
        }),
      );
      clientsBySide.get(side.name)!.push(clients);
    }
  }
  const everyone = [...clientsBySide.values()].flat(2);
  await Promise.all(everyone.map((client) => client.ready));
  everyone.forEach(measureArrivals);
}

async function type(side: string, seconds: number): Promise<{ marks: number; latencies: number[] }> {
  latencies = [];
  let marks = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    clientsBySide.get(side)!.flat().map(async (client) => {
      await sleep(Math.random() * intervalMs);
      while (performance.now() < deadline) {
        const mark = `${process.pid}:${nextMark++}`;
        sentAt.set(mark, performance.now());
        marks += 1;
        client.text.insert(Math.floor(Math.random() * (client.text.length + 1)), `⟦${mark}⟧`);
        await sleep(intervalMs * (0.5 + Math.random()));
      }
    }),
  );
  // Marks typed at the very end may still be on their way.
  await sleep(500);
  return { marks, latencies };
}

/** Waits until nobody has unsynced changes and every client of a document holds the same text. */
async function settle(): Promise<{ texts: Record<string, string[]>; diverged: Record<string, number> }> {
  const settleBy = performance.now() + 30_000;
  const documents = [...clientsBySide.values()].flat();
  const isSettled = () => documents.every((clients) => clients.every((client) => !client.provider.hasUnsyncedChanges && client.text.toString() === clients[0]!.text.toString()));
  while (!isSettled() && performance.now() < settleBy) await sleep(100);
  const texts: Record<string, string[]> = {};
  const diverged: Record<string, number> = {};
  for (const [side, byDocument] of clientsBySide) {
    texts[side] = byDocument.map((clients) => clients[0]!.text.toString());
    diverged[side] = byDocument.filter((clients) => clients.some((client) => client.text.toString() !== clients[0]!.text.toString())).length;
  }
  return { texts, diverged };
}

process.on("message", (command: ClientCommand) => {
  switch (command.type) {
    case "connect":
      intervalMs = command.intervalMs;
      void connect(command.sides).then(() => reply({ type: "connected" }));
      return;
    case "type":
      void type(command.side, command.seconds).then((result) => reply({ type: "typed", ...result }));
      return;
    case "settle":
      void settle().then((result) => reply({ type: "settled", ...result }));
      return;
    case "close":
      for (const client of [...clientsBySide.values()].flat(2)) client.close();
      process.disconnect();
      return;
  }
});
