/**
 * A webhook receiver that keeps the newest release of your datasets on disk: it verifies each delivery's
 * Standard Webhooks signature, and on `release.published` pulls the release in the format you train on.
 * Copy it into your pipeline, or run it as it is:
 *
 *   GOLDLOOP_WEBHOOK_SECRET=whsec_… GOLDLOOP_KEY=gl_… RELEASE_FORMAT=openai OUT_DIR=./releases \
 *     npx tsx server/handoff/release-receiver.ts        # listens on PORT (default 8787)
 *
 * It needs Node 22+ and the `standardwebhooks` package, nothing of Goldloop's own code.
 */
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { pathToFileURL } from "node:url";
import { Webhook } from "standardwebhooks";

export type ReleaseReceiverOptions = {
  /** The endpoint's signing secret (`whsec_…`), shown once when the endpoint was created. */
  secret: string;
  /** An API key with `datasets:read`, to pull the release with. */
  apiKey: string;
  outDir: string;
  /** Query string added to the pull URL, e.g. `format=openai&split=train`. */
  pullQuery?: string;
  /** Called with each release written to disk. */
  onRelease?: (release: PulledRelease) => void;
  log?: (message: string) => void;
};

export type PulledRelease = { datasetSlug: string; release: number; file: string; rowCount: number };

type ReleasePublished = { type: "release.published"; data: { datasetSlug: string; release: number; pullUrl: string } };

/** A pull that fails (Goldloop restarting, a network blip) is tried this many times, 5 s, then 10 s apart. */
const PULL_ATTEMPTS = 3;
/** Deliveries are small JSON documents; anything larger is not from Goldloop. */
const MAX_BODY_BYTES = 1_000_000;

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Downloads the release to a temporary file and renames it into place, so a reader never sees half a file. */
async function pullRelease(event: ReleasePublished, options: ReleaseReceiverOptions): Promise<PulledRelease> {
  const url = new URL(event.data.pullUrl);
  for (const [name, value] of new URLSearchParams(options.pullQuery ?? "")) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { authorization: `Bearer ${options.apiKey}` } });
  if (!response.ok || !response.body) throw new Error(`pull ${url} answered ${response.status}: ${await response.text()}`);
  const filename = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `${event.data.datasetSlug}-r${event.data.release}`;
  await mkdir(options.outDir, { recursive: true });
  const file = join(options.outDir, filename);
  const partial = `${file}.partial`;
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(partial));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { datasetSlug: event.data.datasetSlug, release: event.data.release, file, rowCount: Number(response.headers.get("x-goldloop-row-count")) };
}

/**
 * The receiver as an HTTP server (not yet listening). A delivery with a bad signature gets a 401; a good one
 * gets a 204 at once (Goldloop retries anything slower than 10 s) and the pull runs after. The same
 * `webhook-id` twice (a retry whose first answer was lost) is pulled once.
 */
export function createReleaseReceiver(options: ReleaseReceiverOptions): Server {
  const webhook = new Webhook(options.secret);
  const seen = new Set<string>();
  const log = options.log ?? ((message: string) => process.stdout.write(`${message}\n`));
  return createServer(async (request, response) => {
    if (request.method !== "POST") return response.writeHead(405, { allow: "POST" }).end();
    const body = await readBody(request);
    if (body === null) return response.writeHead(413).end();
    let event: { type: string; data: unknown };
    try {
      event = webhook.verify(body, request.headers as Record<string, string>) as typeof event;
    } catch {
      return response.writeHead(401).end("bad signature");
    }
    response.writeHead(204).end();
    const id = String(request.headers["webhook-id"]);
    if (event.type !== "release.published" || seen.has(id)) return;
    seen.add(id);
    const published = event as ReleasePublished;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const pulled = await pullRelease(published, options);
        log(`release ${pulled.release} of ${pulled.datasetSlug}: ${pulled.rowCount} rows in ${pulled.file}`);
        options.onRelease?.(pulled);
        return;
      } catch (error) {
        log(`pulling release ${published.data.release} of ${published.data.datasetSlug} failed (attempt ${attempt}): ${String(error)}`);
        if (attempt === PULL_ATTEMPTS) break;
        await new Promise((resolve) => setTimeout(resolve, attempt * 5_000));
      }
    }
    // Forget it, so replaying the delivery from Goldloop's webhook page tries again.
    seen.delete(id);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const required = (name: string) => process.env[name] ?? (console.error(`set ${name}`), process.exit(2));
  const port = Number(process.env.PORT ?? 8787);
  createReleaseReceiver({
    secret: required("GOLDLOOP_WEBHOOK_SECRET"),
    apiKey: required("GOLDLOOP_KEY"),
    outDir: process.env.OUT_DIR ?? "releases",
    pullQuery: process.env.RELEASE_FORMAT ? `format=${process.env.RELEASE_FORMAT}` : undefined,
  }).listen(port, () => process.stdout.write(`waiting for release.published on http://localhost:${port}/\n`));
}
