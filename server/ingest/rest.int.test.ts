import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postOutputs } from "@/app/api/v1/outputs/route";
import { POST as postSignals } from "@/app/api/v1/signals/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import type { ApiKeyScope } from "@/server/api-keys/schema";
import { createApiKey } from "@/server/api-keys/service";
import { MAX_REQUEST_BYTES } from "./request-body";
import { buildOutputItem } from "./test-fixtures";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const keys = {} as Record<ApiKeyScope, string>;

const request = (path: string, body: string, secret?: string) =>
  new Request(`http://localhost/api/v1/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
    body,
  });
const sendOutputs = (body: unknown, secret: string | null = keys.ingest) =>
  postOutputs(request("outputs", typeof body === "string" ? body : JSON.stringify(body), secret ?? undefined));

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  for (const scope of ["ingest", "datasets:read", "admin"] as const) {
    keys[scope] = (await createApiKey(testDb.db, { projectId: team.project.id, userId: null }, { name: scope, scopes: [scope] })).secret;
  }
});
afterAll(async () => {
  await closeDatabase();
});

describe("POST /api/v1/outputs", () => {
  it("answers 200 with each item's status and a summary", async () => {
    const response = await sendOutputs({ outputs: [buildOutputItem(1), buildOutputItem(2, { input: 7 })] });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.summary).toEqual({ created: 1, duplicate: 0, rejected: 1 });
    expect(body.results).toEqual([
      { index: 0, external_id: "out-1", status: "created", id: expect.any(Number), queued: 0 },
      { index: 1, external_id: "out-2", status: "rejected", field: "outputs[1].input", reason: expect.any(String) },
    ]);
    const replay = await (await sendOutputs({ outputs: [buildOutputItem(1)] }, keys.admin)).json();
    expect(replay.results[0]).toMatchObject({ status: "duplicate", id: body.results[0].id });
  });

  it("names the field of a bad suggestion in the item's result and stores a good one", async () => {
    const response = await sendOutputs({
      outputs: [buildOutputItem(5, { suggestion: { source: "gpt-4o-judge", values: [] } }), buildOutputItem(6, { suggestion: { source: "gpt-4o-judge", values: { verdict: "helpful" } } })],
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.results[0]).toEqual({ index: 0, external_id: "out-5", status: "rejected", field: "outputs[0].suggestion.values", reason: expect.any(String) });
    expect(body.results[1]).toMatchObject({ status: "created" });
  });

  it("needs a key with the ingest scope", async () => {
    const missing = await sendOutputs({ outputs: [buildOutputItem(3)] }, null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: "unauthorized", field: "authorization" } });
    const reader = await sendOutputs({ outputs: [buildOutputItem(3)] }, keys["datasets:read"]);
    expect(reader.status).toBe(403);
    expect(await reader.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining('"ingest" scope') } });
  });

  it("takes a gzip body, and names content-encoding or body when the encoding is unknown or the gzip broken", async () => {
    const post = (body: Buffer | string, encoding: string) =>
      postOutputs(
        new Request("http://localhost/api/v1/outputs", {
          method: "POST",
          headers: { "content-type": "application/json", "content-encoding": encoding, authorization: `Bearer ${keys.ingest}` },
          body: typeof body === "string" ? body : new Uint8Array(body),
        }),
      );
    const zipped = await post(gzipSync(JSON.stringify({ outputs: [buildOutputItem(7)] })), "gzip");
    expect(zipped.status).toBe(200);
    expect((await zipped.json()).summary).toEqual({ created: 1, duplicate: 0, rejected: 0 });
    const broken = await post("not gzip at all", "gzip");
    expect({ status: broken.status, body: await broken.json() }).toEqual({ status: 400, body: { error: { code: "bad_request", field: "body", message: expect.stringContaining("not valid gzip") } } });
    const brotli = await post("{}", "br");
    expect({ status: brotli.status, body: await brotli.json() }).toMatchObject({ status: 415, body: { error: { field: "content-encoding" } } });
  });

  it("answers 400 naming the field when the body or its envelope is bad, writing nothing", async () => {
    const cases: [unknown, string, RegExp][] = [
      ['{"outputs": [', "body", /valid JSON/],
      ["[1, 2]", "body", /JSON object/],
      [{}, "outputs", /must be an array/],
      [{ outputs: [] }, "outputs", /at least one/],
      [{ outputs: Array.from({ length: 1_001 }, (_, index) => buildOutputItem(1_000 + index)) }, "outputs", /at most 1000/],
    ];
    for (const [body, field, message] of cases) {
      const response = await sendOutputs(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: "bad_request", field, message: expect.stringMatching(message) } });
    }
    const stored = await testDb.db.selectFrom("outputs").select("external_id").where("external_id", "like", "out-1___").execute();
    expect(stored).toEqual([]);
  });

  it("answers 413 for a body over the size limit, before reading all of it", async () => {
    const huge = "x".repeat(MAX_REQUEST_BYTES + 1);
    const response = await sendOutputs({ outputs: [buildOutputItem(9, { output: huge })] });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "payload_too_large", field: "body" } });
  });
});

describe("POST /api/v1/signals", () => {
  it("records signals with per-item statuses, and checks scope and envelope", async () => {
    const send = (body: string, secret: string) => postSignals(request("signals", body, secret));
    const response = await send(JSON.stringify({ signals: [{ external_id: "out-1", kind: "thumbs_down", idempotency_key: "k1" }, { external_id: "zzz", kind: "edit" }] }), keys.ingest);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      results: [
        { index: 0, status: "created", id: expect.any(Number) },
        { index: 1, status: "rejected", field: "signals[1].external_id", reason: expect.any(String) },
      ],
      summary: { created: 1, duplicate: 0, rejected: 1 },
    });
    expect((await send(JSON.stringify({ signals: [] }), keys.ingest)).status).toBe(400);
    expect(await (await send("nope", keys.ingest)).json()).toMatchObject({ error: { field: "body" } });
    expect((await send(JSON.stringify({ signals: [{ external_id: "out-1", kind: "copy" }] }), keys["datasets:read"])).status).toBe(403);
  });

  it("rejects an item holding text Postgres cannot store, naming its field, and stores the good ones", async () => {
    const countSignals = async () => Number((await testDb.db.selectFrom("signals").select((eb) => eb.fn.countAll().as("count")).executeTakeFirstOrThrow()).count);
    const before = await countSignals();
    const response = await postSignals(
      request(
        "signals",
        JSON.stringify({
          signals: [
            { external_id: "out-1\u0000", kind: "thumbs_down" },
            { external_id: "out-1", kind: "edit", comment: "fine 👍" },
            { external_id: "out-1", kind: "copy", comment: "half \ud83d" },
            { external_id: "out-1", kind: "score", value: 1, end_user_id: "\udc00", idempotency_key: "nul\u0000" },
          ],
        }),
        keys.ingest,
      ),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      results: [
        { index: 0, status: "rejected", field: "signals[0].external_id", reason: expect.stringContaining("NUL") },
        { index: 1, status: "created", id: expect.any(Number) },
        { index: 2, status: "rejected", field: "signals[2].comment", reason: expect.stringContaining("surrogates") },
        { index: 3, status: "rejected", field: "signals[3].end_user_id", reason: expect.stringContaining("surrogates") },
      ],
      summary: { created: 1, duplicate: 0, rejected: 3 },
    });
    expect(await countSignals()).toBe(before + 1);
  });
});
