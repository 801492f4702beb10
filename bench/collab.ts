// Collaboration benchmark: `npm run bench:collab [-- --documents 50 --clients 10 --interval 1000 --seconds 10 --rounds 3]`
// with DATABASE_URL naming a Postgres server (a scratch database is created, migrated and dropped).
// This process runs `documents` × `clients` real HocuspocusProvider clients; each types a short mark every
// `interval` ms (jittered), and every other client of the document records how long the mark took to
// arrive. The same clients run, round by round, against two servers, each in its own process:
// - bare: Hocuspocus with no auth and no persistence (bench/collab-bare-server.ts);
// - goldloop: Goldloop's /collab (`GOLDLOOP_ROLES=collab`): token auth with a membership check, and every
//   update written to the Postgres log before it is applied, acknowledged and broadcast.
// Prints propagation p50/p95/p99 of both and the p95 ratio; checks that every client of a document ends
// with the same text (divergence) and that Goldloop stored exactly that text. Exits 1 on a miss.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import * as Y from "yjs";
import { createDatabase } from "../db";
import { findFreePort } from "../db/embedded-os";
import { migrateToLatest } from "../db/migrate";
import { seedProject } from "../db/seed/factories";
import { dropDatabaseWhenIdle, withAdminClient } from "../db/testing/admin";
import { withDatabaseName } from "../db/testing/names";
import { startCollabProcess } from "../server/collab/collab-process";
import { findDocumentState } from "../server/collab/persistence-service";
import { connectCollabClient, type CollabClient } from "../server/collab/provider-client";
import { buildCollabDocumentName, COLLAB_TEXT_FIELD } from "../server/collab/schema";
import { signCollabToken } from "../server/collab/token";

const TARGET_RATIO = 1.2;
const { values: options } = parseArgs({
  options: {
    documents: { type: "string", default: "50" },
    clients: { type: "string", default: "10" },
    interval: { type: "string", default: "1000" },
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
  },
});
const [documentCount, clientsPerDocument, intervalMs, roundSeconds, rounds] = [options.documents, options.clients, options.interval, options.seconds, options.rounds].map(Number) as [
  number,
  number,
  number,
  number,
  number,
];
const print = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const scratchName = `goldloop_bench_collab_${randomBytes(4).toString("hex")}`;
const scratchUrl = withDatabaseName(serverUrl, scratchName);
// The Goldloop process verifies tokens with this secret; this process signs them with it.
process.env.NEXTAUTH_SECRET = randomBytes(32).toString("hex");

type Server = { name: string; url: string; stop: () => Promise<void> };
type Tally = { marks: number; latencies: number[]; diverged: number; unpersisted: number };

async function startBareServer(): Promise<Server> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "bench/collab-bare-server.ts"], { env: { ...process.env, PORT: String(port) }, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  while (!(await fetch(url).then((response) => response.ok, () => false))) {
    if (child.exitCode !== null) throw new Error("the bare Hocuspocus server exited");
    await sleep(100);
  }
  return { name: "bare Hocuspocus", url, stop: () => new Promise<void>((done) => child.once("exit", () => done()).kill("SIGTERM")) };
}

/** Marks look like `⟦123⟧`; one per insert, so every remote insert names the mark it carries. */
const MARK = /⟦(\d+)⟧/g;

/** One round on one server: connect every client, type for roundSeconds, settle, then check convergence. */
async function runRound(server: Server, documentNames: string[], tokenFor: (documentName: string, client: number) => () => Promise<string>, tally: Tally) {
  const sentAt = new Map<number, number>();
  let nextMark = 0;
  const byDocument: CollabClient[][] = documentNames.map((documentName) =>
    Array.from({ length: clientsPerDocument }, (_, client) => connectCollabClient({ baseUrl: server.url, documentName, token: tokenFor(documentName, client) })),
  );
  const everyone = byDocument.flat();
  await Promise.all(everyone.map((client) => client.ready));
  for (const client of everyone) {
    client.text.observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const change of event.delta) {
        if (typeof change.insert !== "string") continue;
        for (const match of change.insert.matchAll(MARK)) tally.latencies.push(now - sentAt.get(Number(match[1]))!);
      }
    });
  }

  const deadline = performance.now() + roundSeconds * 1000;
  await Promise.all(
    everyone.map(async (client) => {
      await sleep(Math.random() * intervalMs);
      while (performance.now() < deadline) {
        const mark = nextMark++;
        sentAt.set(mark, performance.now());
        client.text.insert(Math.floor(Math.random() * (client.text.length + 1)), `⟦${mark}⟧`);
        await sleep(intervalMs * (0.5 + Math.random()));
      }
    }),
  );
  tally.marks += nextMark;

  // Settled: nobody has unsynced changes and every client of a document holds the same text.
  const settleBy = performance.now() + 30_000;
  const isSettled = () => byDocument.every((clients) => clients.every((client) => !client.provider.hasUnsyncedChanges && client.text.toString() === clients[0]!.text.toString()));
  while (!isSettled() && performance.now() < settleBy) await sleep(100);
  const finalTexts = byDocument.map((clients) => clients[0]!.text.toString());
  tally.diverged += byDocument.filter((clients) => clients.some((client) => client.text.toString() !== clients[0]!.text.toString())).length;
  for (const client of everyone) client.close();
  return finalTexts;
}

const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))]!;

await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
const db = createDatabase(scratchUrl);
const servers: Server[] = [];
try {
  await migrateToLatest(db);
  const project = await seedProject(db);
  const { rows: members } = await sql<{ id: string }>`
    with people as (
      insert into users (email, name) select 'editor-' || g || '@bench.test', 'Editor ' || g from generate_series(1, ${clientsPerDocument}::int) g returning id
    )
    insert into memberships (project_id, user_id, role) select ${project.id}::uuid, id, 'annotator' from people returning user_id as id
  `.execute(db);
  const goldloopProcess = await startCollabProcess({ databaseUrl: scratchUrl });
  servers.push({ name: "goldloop /collab", url: goldloopProcess.url, stop: () => goldloopProcess.stop() });
  servers.push(await startBareServer());
  const tokenFor = (documentName: string, client: number) => () =>
    signCollabToken(process.env.NEXTAUTH_SECRET!, { userId: members[client]!.id, projectId: project.id, documentName, isReadOnly: false });

  print(
    `node ${process.version}; ${documentCount} documents × ${clientsPerDocument} clients, a mark every ${intervalMs} ms per client (jittered), ` +
      `${rounds} rounds × ${roundSeconds} s per server; clients in this process, each server in its own`,
  );
  const tallies = new Map(servers.map((server) => [server.name, { marks: 0, latencies: [], diverged: 0, unpersisted: 0 } as Tally]));
  for (let round = 0; round < rounds; round += 1) {
    // Alternate which server goes first, so neither always runs on a warmer or quieter machine.
    for (const server of round % 2 === 0 ? [...servers].reverse() : servers) {
      const documentNames = Array.from({ length: documentCount }, (_, index) => buildCollabDocumentName(project.id, `scratch/bench-${round}-${index}`));
      const tally = tallies.get(server.name)!;
      const finalTexts = await runRound(server, documentNames, tokenFor, tally);
      if (server.name !== "goldloop /collab") continue;
      for (const [index, documentName] of documentNames.entries()) {
        const stored = new Y.Doc();
        const state = await findDocumentState(db, project.id, documentName);
        if (state) Y.applyUpdate(stored, state);
        if (stored.getText(COLLAB_TEXT_FIELD).toString() !== finalTexts[index]) tally.unpersisted += 1;
      }
    }
  }

  const bare = tallies.get("bare Hocuspocus")!;
  const goldloop = tallies.get("goldloop /collab")!;
  for (const [name, tally] of [...tallies.entries()].reverse()) {
    print(
      `  ${name.padEnd(18)} p50 ${percentile(tally.latencies, 0.5).toFixed(1).padStart(6)} ms   p95 ${percentile(tally.latencies, 0.95).toFixed(1).padStart(6)} ms   ` +
        `p99 ${percentile(tally.latencies, 0.99).toFixed(1).padStart(6)} ms   (${tally.marks.toLocaleString("en")} marks, ${tally.latencies.length.toLocaleString("en")} deliveries, ` +
        `${tally.diverged} documents diverged)`,
    );
  }
  const ratio = percentile(goldloop.latencies, 0.95) / percentile(bare.latencies, 0.95);
  const ratios = [0.5, 0.99].map((share) => `p${share * 100} ${(percentile(goldloop.latencies, share) / percentile(bare.latencies, share)).toFixed(2)}`).join(", ");
  print(`  goldloop / bare p95 ${ratio.toFixed(2)}  ${ratio <= TARGET_RATIO ? "PASS" : "MISS"} (target ≤ ${TARGET_RATIO}; ${ratios})`);
  const isConsistent = bare.diverged === 0 && goldloop.diverged === 0 && goldloop.unpersisted === 0;
  print(`  divergence ${bare.diverged + goldloop.diverged} documents; goldloop stored text differs from the clients' in ${goldloop.unpersisted} documents  ${isConsistent ? "PASS" : "MISS"}`);
  if (ratio > TARGET_RATIO || !isConsistent) process.exitCode = 1;
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await db.destroy();
  await dropDatabaseWhenIdle(serverUrl, scratchName);
}
