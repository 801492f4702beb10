import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { seedFuzzFixture, type FuzzFixture } from "./fuzz/fixture";
import { listRestRoutes } from "./fuzz/run-fuzz";

/** Who a REST request can come from: no key, a revoked key, and a live key of each scope. */
const keys = ["none", "revoked", "ingest", "datasetsRead", "admin"] as const;
type Key = (typeof keys)[number];

type Row = {
  allow: readonly Key[];
  request: (fixture: FuzzFixture) => { path: string; params?: Record<string, string>; body?: unknown };
};

const everyKey = keys;
const liveKeys = ["ingest", "datasetsRead", "admin"] as const;
const readers = ["datasetsRead", "admin"] as const;
/** A well-formed id nothing has: allowed keys get a 404, never a 401 or 403. */
const unknownId = "00000000-0000-4000-8000-000000000000";

/**
 * Which API keys may call each REST route (admin keys hold every scope). A route without a row fails the
 * test, so access is decided deliberately for every one; project scope (another project's ids answering
 * 404) is covered by each route's own tests and the fuzz suite.
 */
const accessTable: Record<string, Row> = {
  "GET /api/v1/health": { allow: everyKey, request: () => ({ path: "/api/v1/health" }) },
  "GET /api/v1/whoami": { allow: liveKeys, request: () => ({ path: "/api/v1/whoami" }) },
  "POST /api/v1/outputs": { allow: ["ingest", "admin"], request: () => ({ path: "/api/v1/outputs", body: { outputs: [] } }) },
  "GET /api/v1/outputs": { allow: liveKeys, request: () => ({ path: "/api/v1/outputs?limit=5" }) },
  "GET /api/v1/outputs/[externalId]": { allow: liveKeys, request: (f) => ({ path: `/api/v1/outputs/${encodeURIComponent(f.outputExternalIds[0]!)}`, params: { externalId: f.outputExternalIds[0]! } }) },
  "POST /api/v1/signals": { allow: ["ingest", "admin"], request: () => ({ path: "/api/v1/signals", body: { signals: [] } }) },
  "POST /api/v1/otlp/v1/traces": { allow: ["ingest", "admin"], request: () => ({ path: "/api/v1/otlp/v1/traces", body: { resourceSpans: [] } }) },
  "GET /api/v1/datasets/[slug]/releases/[release]": {
    allow: readers,
    request: (f) => ({ path: `/api/v1/datasets/${f.dataset.slug}/releases/latest`, params: { slug: f.dataset.slug, release: "latest" } }),
  },
  "POST /api/v1/datasets/[slug]/releases": {
    allow: ["admin"],
    request: (f) => ({ path: `/api/v1/datasets/${f.dataset.slug}/releases`, params: { slug: f.dataset.slug }, body: { notes: "nightly" } }),
  },
  "GET /api/v1/datasets/[slug]/releases/[release]/status": {
    allow: readers,
    request: (f) => ({ path: `/api/v1/datasets/${f.dataset.slug}/releases/1/status`, params: { slug: f.dataset.slug, release: "1" } }),
  },
  "GET /api/v1/gold": { allow: readers, request: () => ({ path: "/api/v1/gold" }) },
  "GET /api/v1/gold/stream": { allow: readers, request: () => ({ path: "/api/v1/gold/stream" }) },
  "GET /api/v1/webhook-endpoints": { allow: ["admin"], request: () => ({ path: "/api/v1/webhook-endpoints" }) },
  "POST /api/v1/webhook-endpoints": {
    allow: ["admin"],
    request: () => ({ path: "/api/v1/webhook-endpoints", body: { url: "https://93.184.216.34/hooks", eventTypes: ["release.published"] } }),
  },
  "DELETE /api/v1/webhook-endpoints/[endpointId]": {
    allow: ["admin"],
    request: () => ({ path: "/api/v1/webhook-endpoints/00000000-0000-4000-8000-000000000000", params: { endpointId: "00000000-0000-4000-8000-000000000000" } }),
  },
  "GET /api/v1/alerts": { allow: readers, request: () => ({ path: "/api/v1/alerts?state=open" }) },
  "GET /api/v1/queues/[queueId]/fit": { allow: readers, request: () => ({ path: `/api/v1/queues/${unknownId}/fit`, params: { queueId: unknownId } }) },
  "GET /api/v1/alerts/[alertId]": { allow: readers, request: () => ({ path: `/api/v1/alerts/${unknownId}`, params: { alertId: unknownId } }) },
  "POST /api/v1/alerts/[alertId]/acknowledge": { allow: ["admin"], request: () => ({ path: `/api/v1/alerts/${unknownId}/acknowledge`, params: { alertId: unknownId } }) },
  "GET /api/v1/alert-rules": { allow: readers, request: () => ({ path: "/api/v1/alert-rules" }) },
  "POST /api/v1/alert-rules": {
    allow: ["admin"],
    request: () => ({ path: "/api/v1/alert-rules", body: { name: "Approvals saturating", metric: "labels.approval", comparator: ">", threshold: 0.95 } }),
  },
  "PATCH /api/v1/alert-rules/[ruleId]": { allow: ["admin"], request: () => ({ path: `/api/v1/alert-rules/${unknownId}`, params: { ruleId: unknownId }, body: { threshold: 0.9 } }) },
  "DELETE /api/v1/end-users/[endUserId]": { allow: ["admin"], request: () => ({ path: "/api/v1/end-users/nobody", params: { endUserId: "nobody" } }) },
  "DELETE /api/v1/alert-rules/[ruleId]": { allow: ["admin"], request: () => ({ path: `/api/v1/alert-rules/${unknownId}`, params: { ruleId: unknownId } }) },
};

const testDb = setUpTestDatabase();
let fixture: FuzzFixture;
let routes: Awaited<ReturnType<typeof listRestRoutes>>;

function headersFor(key: Key): Record<string, string> {
  const secret = { none: null, revoked: fixture.secrets.revoked, ingest: fixture.secrets.ingest, datasetsRead: fixture.secrets.datasetsRead, admin: fixture.secrets.admin }[key];
  return { "content-type": "application/json", ...(secret ? { authorization: `Bearer ${secret}` } : {}) };
}

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  fixture = await seedFuzzFixture(testDb.db);
  routes = await listRestRoutes(fileURLToPath(new URL("../..", import.meta.url)));
});
afterAll(async () => {
  await closeDatabase();
});

describe("REST authorization", () => {
  it("has a row for every route, and no row for a route that is gone", () => {
    expect(Object.keys(accessTable).sort()).toEqual([...routes.keys()].sort());
  });

  for (const [route, row] of Object.entries(accessTable)) {
    it.each(keys)(`${route} with key %s`, async (key) => {
      const handler = routes.get(route);
      expect(handler, `no handler for ${route}`).toBeDefined();
      const { path, params = {}, body } = row.request(fixture);
      const method = route.split(" ")[0]!;
      const response = await handler!(new Request(`http://localhost${path}`, { method, headers: headersFor(key), body: body === undefined ? undefined : JSON.stringify(body) }), {
        params: Promise.resolve(params),
      });
      // Streams (the gold feed) stay open: the status is all this test needs.
      await response.body?.cancel();
      if (row.allow.includes(key)) {
        expect(response.status, `${key} should get through`).not.toBe(401);
        expect(response.status, `${key} should get through`).not.toBe(403);
        expect(response.status).toBeLessThan(500);
      } else {
        expect(response.status).toBe(key === "none" || key === "revoked" ? 401 : 403);
      }
    });
  }
});
