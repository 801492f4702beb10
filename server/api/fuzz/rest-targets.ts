import fc from "fast-check";
import type { z } from "zod";
import { alertRulePatchSchema, createAlertRuleSchema } from "@/server/alerts/schema";
import { parseExportQuery } from "@/server/datasets/formats/schema";
import { ingestOutputSchema, ingestSignalSchema } from "@/server/ingest/schema";
import { createWebhookEndpointSchema } from "@/server/webhooks/schema";
import { badCredential, type BadCredential } from "./bad-credentials";
import type { FuzzFixture } from "./fixture";
import { otlpTracesTarget } from "./otlp-target";
import { applyMutation, describeFields, fieldMutation, mutationOf, type Mutation } from "./input-mutations";
import { describeValue, nest, ODD_STRINGS, oddValues } from "./odd-values";

/** One REST request (path parameters as Next passes them, decoded) and the route-specific checks of its answer. */
export type RestCase = {
  label: string;
  request: { method: string; path: string; params: Record<string, string>; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> };
  /** Sent in place of good credentials; the runner turns it into headers. */
  credential?: BadCredential;
  check: (status: number, body: unknown) => string[];
};
/** Random cases for a route, and for batch routes a sweep: one batch whose items each carry an odd value in another field. */
export type RestTarget = (fixture: FuzzFixture) => { sweep?: fc.Arbitrary<RestCase>; cases: fc.Arbitrary<RestCase> };

const json = { "content-type": "application/json" };
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const expectStatus = (...allowed: number[]) => (status: number) => (allowed.includes(status) ? [] : [`got ${status}, not ${allowed.join(" or ")}`]);

/** Bad credentials on any route: always 401 (the generic check makes sure it names `authorization`). */
function credentialCases(method: string, path: string, params: Record<string, string> = {}, body?: string): fc.Arbitrary<RestCase> {
  return badCredential.map((credential): RestCase => ({
    label: `credentials ${credential}`,
    request: { method, path, params, headers: { ...json }, body },
    check: expectStatus(401),
    credential,
  }));
}

type BatchRoute = { path: string; batchKey: string; itemSchema: z.ZodType; validItem: (fixture: FuzzFixture, id: string) => Record<string, unknown> };

/** A batch ingest route: good items beside mutated ones (each judged on its own), broken envelopes, and bad credentials. */
function batchTarget(route: BatchRoute): RestTarget {
  return (fixture) => {
    const values = oddValues({ foreignIds: [], jsonOnly: true });
    /** Good items, then one item per mutation, each mutation applied to its own item. */
    const batchOf = (count: number, mutations: Mutation[], batchId: string): RestCase => {
      const sent: unknown[] = Array.from({ length: count }, (_, index) => route.validItem(fixture, `${batchId}-${index}`));
      mutations.forEach((mutation, index) => sent.push(applyMutation(route.validItem(fixture, `${batchId}-m${index}`), mutation)));
      return {
        label: `items ${describeValue(mutations)}`,
        request: { method: "POST", path: route.path, params: {}, headers: { ...json, ...bearer(fixture.secrets.ingest) }, body: JSON.stringify({ [route.batchKey]: sent }) },
        check: (status, body) => [...expectStatus(200)(status), ...checkItems(route, sent, body)],
      };
    };
    const sweep = fc.tuple(fc.tuple(...describeFields([route.itemSchema]).fields.map((field) => fieldMutation(field, values, true))), fc.uuid()).map(([mutations, batchId]) => batchOf(1, mutations, batchId));
    const items = fc
      .tuple(fc.integer({ min: 0, max: 3 }), fc.array(mutationOf([route.itemSchema], values), { minLength: 1, maxLength: 3 }), fc.uuid())
      .map(([count, mutations, batchId]) => batchOf(count, mutations, batchId));
    const envelopes = fc.constantFrom(
      "{",
      "[]",
      '"text"',
      "null",
      "{}",
      JSON.stringify({ [route.batchKey]: 5 }),
      JSON.stringify({ [route.batchKey]: [] }),
      JSON.stringify({ [route.batchKey]: Array.from({ length: 1_001 }, (_, index) => route.validItem(fixture, `over-${index}`)) }),
      `{"${route.batchKey}":${'{"a":'.repeat(200_000)}1${"}".repeat(200_000)}}`,
      `${"[".repeat(200_000)}${"]".repeat(200_000)}`,
      `{"${route.batchKey}\\u0000":[]}`,
    );
    const brokenEnvelopes = envelopes.map((body): RestCase => ({
      label: `envelope ${body.slice(0, 60)}`,
      request: { method: "POST", path: route.path, params: {}, headers: { ...json, ...bearer(fixture.secrets.ingest) }, body },
      check: expectStatus(400),
    }));
    const deepItems = fc.integer({ min: 100, max: 1_000 }).map((depth): RestCase => ({
      label: `an item nested ${depth} deep`,
      request: { method: "POST", path: route.path, params: {}, headers: { ...json, ...bearer(fixture.secrets.ingest) }, body: JSON.stringify({ [route.batchKey]: [nest(depth)] }) },
      check: (status, body) => [...expectStatus(200)(status), ...checkItems(route, [nest(depth)], body)],
    }));
    const credentials = credentialCases("POST", route.path, {}, JSON.stringify({ [route.batchKey]: [route.validItem(fixture, "auth")] }));
    return { sweep, cases: fc.oneof({ weight: 5, arbitrary: items }, { weight: 2, arbitrary: brokenEnvelopes }, { weight: 1, arbitrary: deepItems }, { weight: 1, arbitrary: credentials }) };
  };
}

/** Each item the schema refuses is rejected naming a field inside it; every other item is stored, a duplicate, or rejected with a field. */
function checkItems(route: BatchRoute, sent: readonly unknown[], body: unknown): string[] {
  const results = (body as { results?: { index: number; status: string; field?: string }[] } | null)?.results;
  if (!Array.isArray(results) || results.length !== sent.length) return [`expected ${sent.length} results, got ${JSON.stringify(body).slice(0, 200)}`];
  return results.flatMap((result, index) => {
    const prefix = `${route.batchKey}[${index}]`;
    const isRefused = !route.itemSchema.safeParse(sent[index]).success;
    const isRejectedByField = result.status === "rejected" && typeof result.field === "string" && result.field.startsWith(prefix);
    if (isRefused && !isRejectedByField) return [`${prefix} is invalid but came back ${JSON.stringify(result)}`];
    if (result.status === "rejected" && !isRejectedByField) return [`${prefix} was rejected without naming its field: ${JSON.stringify(result)}`];
    return [];
  });
}

/** The pull's query options: real choices, near misses and odd text, in any combination (repeats included). */
const pullQuery = fc
  .array(
    fc.tuple(
      fc.constantFrom("format", "split", "since", "dpo_style", "other"),
      fc.oneof(fc.constantFrom("jsonl", "openai", "dpo", "csv", "parquet", "train", "validation", "test", "trl", "1", "2", "0", "-1", "1e3", "99999999999999999999", ""), fc.constantFrom(...ODD_STRINGS)),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => (pairs.length === 0 ? "" : `?${pairs.map(([key, value]) => `${key}=${encodeURIComponent(Buffer.from(value).toString())}`).join("&")}`));

function hasValidPullOptions(query: string): boolean {
  try {
    parseExportQuery(new URLSearchParams(query));
    return true;
  } catch {
    return false;
  }
}

const releaseNumbers = ["latest", "1", "2", "0", "-1", "1.5", "1e3", " 1", "0x10", "2147483647", "2147483648", "9007199254740993", "99999999999999999999"];

/** The pull route: odd path parameters (a number past int4 must be a 404), odd validators, bad credentials. */
const releaseTarget: RestTarget = (fixture) => {
  const params = fc
    .record({
      slug: fc.oneof(fc.constant(fixture.dataset.slug), fc.constant(fixture.foreign.dataset.slug), fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 8 })),
      release: fc.oneof(fc.constantFrom(...releaseNumbers), fc.constantFrom(...ODD_STRINGS)),
      ifNoneMatch: fc.option(fc.constantFrom("*", '"x"', "W/\"1-1\"", "\u00ff".repeat(1_000), ",,,")),
      query: pullQuery,
    })
    .map(({ slug, release, ifNoneMatch, query }): RestCase => ({
      label: `pull ${describeValue({ slug, release, ifNoneMatch, query })}`,
      request: { method: "GET", path: `${pullPath(slug, release)}${query}`, params: { slug, release }, headers: { ...bearer(fixture.secrets.datasetsRead), ...(ifNoneMatch ? { "if-none-match": ifNoneMatch } : {}) } },
      check: (status) => {
        const isPastInt4 = slug === fixture.dataset.slug && /^[1-9][0-9]*$/.test(release) && Number(release) > 2_147_483_647;
        // The query's options are checked before the release is looked up: bad options are a 400 first.
        if (isPastInt4) return hasValidPullOptions(query) ? expectStatus(404)(status) : expectStatus(400)(status);
        return expectStatus(200, 304, 400, 404)(status);
      },
    }));
  const credentials = credentialCases("GET", pullPath(fixture.dataset.slug, "latest"), { slug: fixture.dataset.slug, release: "latest" });
  return { cases: fc.oneof({ weight: 4, arbitrary: params }, { weight: 1, arbitrary: credentials }) };
};

/** Publishing over REST: odd slugs and bodies, keys without the admin scope, bad credentials. */
const publishTarget: RestTarget = (fixture) => {
  const bodies = fc.oneof(
    fc.constant<string | undefined>(undefined),
    fc.constantFrom("{}", '{"notes":"nightly"}', "{", "[]", "null", '"text"', JSON.stringify({ notes: 5 }), JSON.stringify({ notes: "x".repeat(5_001) }), '{"notes":"\u0000"}'),
    fc.constantFrom(...ODD_STRINGS).map((notes) => JSON.stringify({ notes })),
  );
  const params = fc
    .record({
      slug: fc.oneof(fc.constant(fixture.dataset.slug), fc.constant(fixture.foreign.dataset.slug), fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 8 })),
      body: bodies,
      key: fc.constantFrom<"admin" | "datasetsRead" | "ingest">("admin", "datasetsRead", "ingest"),
    })
    .map(({ slug, body, key }): RestCase => ({
      label: `publish ${describeValue({ slug, body: body?.slice(0, 40), key })}`,
      request: { method: "POST", path: releasesPath(slug), params: { slug }, headers: { ...json, ...bearer(fixture.secrets[key]) }, body },
      // Only an admin key publishes; a queued release makes the next publish of that dataset a 409 until it is done.
      check: key === "admin" ? expectStatus(202, 400, 404, 409, 412) : expectStatus(403),
    }));
  const credentials = credentialCases("POST", releasesPath(fixture.dataset.slug), { slug: fixture.dataset.slug }, "{}");
  return { cases: fc.oneof({ weight: 4, arbitrary: params }, { weight: 1, arbitrary: credentials }) };
};

/** A release's publishing status: odd path parameters and bad credentials. */
const statusTarget: RestTarget = (fixture) => {
  const params = fc
    .record({
      slug: fc.oneof(fc.constant(fixture.dataset.slug), fc.constant(fixture.foreign.dataset.slug), fc.constantFrom(...ODD_STRINGS)),
      release: fc.oneof(fc.constantFrom(...releaseNumbers), fc.constantFrom(...ODD_STRINGS)),
    })
    .map(({ slug, release }): RestCase => ({
      label: `status ${describeValue({ slug, release })}`,
      request: { method: "GET", path: `${pullPath(slug, release)}/status`, params: { slug, release }, headers: bearer(fixture.secrets.datasetsRead) },
      check: expectStatus(200, 400, 404),
    }));
  const credentials = credentialCases("GET", `${pullPath(fixture.dataset.slug, "1")}/status`, { slug: fixture.dataset.slug, release: "1" });
  return { cases: fc.oneof({ weight: 4, arbitrary: params }, { weight: 1, arbitrary: credentials }) };
};

// A lone surrogate has no URL form (the HTTP server refuses such paths, see request-path.ts); the handler still gets the raw parameter.
const encodeSegment = (segment: string) => encodeURIComponent(Buffer.from(segment).toString());
const pullPath = (slug: string, release: string) => `/api/v1/datasets/${encodeSegment(slug)}/releases/${encodeSegment(release)}`;
const releasesPath = (slug: string) => `/api/v1/datasets/${encodeSegment(slug)}/releases`;

const WEBHOOK_ENDPOINTS_PATH = "/api/v1/webhook-endpoints";

/** Creating an endpoint: the valid body with one mutation (201 or a 400 naming the field), broken envelopes, non-admin keys, bad credentials. */
const createWebhookEndpointTarget: RestTarget = (fixture) => {
  const valid = { url: "https://93.184.216.34/fuzzed", description: "trainer", eventTypes: ["release.published", "gold.created"], isEnabled: true };
  const post = (secret: string, body: string, label: string, check: RestCase["check"]): RestCase => ({
    label,
    request: { method: "POST", path: WEBHOOK_ENDPOINTS_PATH, params: {}, headers: { ...json, ...bearer(secret) }, body },
    check,
  });
  const mutated = mutationOf([createWebhookEndpointSchema], oddValues({ foreignIds: [], jsonOnly: true })).map((mutation) =>
    post(fixture.secrets.admin, JSON.stringify(applyMutation(valid, mutation)), `body ${describeValue(mutation)}`, expectStatus(201, 400)),
  );
  const envelopes = fc.constantFrom("{", "[]", "null", '"x"', "{}", `{"url":${"[".repeat(100_000)}}`).map((body) => post(fixture.secrets.admin, body, `envelope ${body.slice(0, 40)}`, expectStatus(400)));
  const privateUrls = fc
    .constantFrom("http://127.0.0.1/x", "http://[::1]/x", "http://169.254.169.254/", "http://10.1.2.3/", "http://[::ffff:192.168.0.1]/", "http://0/", "http://localhost/")
    .map((url) => post(fixture.secrets.admin, JSON.stringify({ ...valid, url }), `private ${url}`, expectStatus(400)));
  const weakKey = fc.constant(post(fixture.secrets.ingest, JSON.stringify(valid), "an ingest key", expectStatus(403)));
  return {
    cases: fc.oneof(
      { weight: 5, arbitrary: mutated },
      { weight: 1, arbitrary: envelopes },
      { weight: 2, arbitrary: privateUrls },
      { weight: 1, arbitrary: weakKey },
      { weight: 1, arbitrary: credentialCases("POST", WEBHOOK_ENDPOINTS_PATH, {}, JSON.stringify(valid)) },
    ),
  };
};

/** Deleting an endpoint: odd ids (400), ids of nothing or of another project (404), bad credentials. */
const deleteWebhookEndpointTarget: RestTarget = (fixture) => {
  const ids = fc.oneof(fc.constant(fixture.foreign.webhook.endpointId), fc.constant("00000000-0000-4000-8000-000000000000"), fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 8 }));
  const cases = ids.map((endpointId): RestCase => ({
    label: `delete ${describeValue(endpointId)}`,
    request: { method: "DELETE", path: `${WEBHOOK_ENDPOINTS_PATH}/${encodeSegment(endpointId)}`, params: { endpointId }, headers: bearer(fixture.secrets.admin) },
    check: expectStatus(400, 404),
  }));
  const credentials = credentialCases("DELETE", `${WEBHOOK_ENDPOINTS_PATH}/${fixture.webhook.endpointId}`, { endpointId: fixture.webhook.endpointId });
  return { cases: fc.oneof({ weight: 4, arbitrary: cases }, { weight: 1, arbitrary: credentials }) };
};

const ALERTS_PATH = "/api/v1/alerts";
const ALERT_RULES_PATH = "/api/v1/alert-rules";
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

/** Ids to put in an alert or rule path: the project's own, another project's (404), nothing's (404), and odd text (400). */
function pathIds(own: string, foreign: string) {
  return fc.oneof(fc.constant(own), fc.constant(foreign), fc.constant(UNKNOWN_ID), fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 8 }));
}
/** The answer for an id of the path: found for the project's own, 404 for another project's, else 400 or 404. */
const checkPathId = (id: string, own: string, foreign: string, found: number) => (id === own ? expectStatus(found) : id === foreign ? expectStatus(404) : expectStatus(400, 404));

/** Listing alerts: real states and limits, near misses and odd text; a read key is enough. */
const listAlertsTarget: RestTarget = (fixture) => {
  const queries = fc
    .record(
      {
        state: fc.oneof(fc.constantFrom("open", "acknowledged", "resolved", "live", "OPEN"), fc.constantFrom(...ODD_STRINGS)),
        limit: fc.oneof(fc.constantFrom("1", "100", "200", "201", "0", "-1", "1.5", "1e2", "0x10"), fc.constantFrom(...ODD_STRINGS)),
      },
      { requiredKeys: [] },
    )
    .map((query): RestCase => ({
      label: `alerts ${describeValue(query)}`,
      request: { method: "GET", path: `${ALERTS_PATH}?${new URLSearchParams(Object.entries(query))}`, params: {}, headers: bearer(fixture.secrets.datasetsRead) },
      check: expectStatus(200, 400),
    }));
  return { cases: fc.oneof({ weight: 4, arbitrary: queries }, { weight: 1, arbitrary: credentialCases("GET", ALERTS_PATH) }) };
};

/** One alert: the project's own (200), another project's (404), odd ids (400). */
const getAlertTarget: RestTarget = (fixture) => {
  const own = fixture.alerts.alertId;
  const foreign = fixture.foreign.alerts.alertId;
  const cases = pathIds(own, foreign).map((alertId): RestCase => ({
    label: `alert ${describeValue(alertId)}`,
    request: { method: "GET", path: `${ALERTS_PATH}/${encodeSegment(alertId)}`, params: { alertId }, headers: bearer(fixture.secrets.datasetsRead) },
    check: checkPathId(alertId, own, foreign, 200),
  }));
  return { cases: fc.oneof({ weight: 4, arbitrary: cases }, { weight: 1, arbitrary: credentialCases("GET", `${ALERTS_PATH}/${own}`, { alertId: own }) }) };
};

/** A queue's latest fit: the project's own queue (200, even before any fit), another project's (404), odd ids (400). */
const queueFitTarget: RestTarget = (fixture) => {
  const own = fixture.queue.id;
  const foreign = fixture.foreign.queue.id;
  const cases = pathIds(own, foreign).map((queueId): RestCase => ({
    label: `queue fit ${describeValue(queueId)}`,
    request: { method: "GET", path: `/api/v1/queues/${encodeSegment(queueId)}/fit`, params: { queueId }, headers: bearer(fixture.secrets.datasetsRead) },
    check: checkPathId(queueId, own, foreign, 200),
  }));
  return { cases: fc.oneof({ weight: 4, arbitrary: cases }, { weight: 1, arbitrary: credentialCases("GET", `/api/v1/queues/${own}/fit`, { queueId: own }) }) };
};

/** Acknowledging: an admin key only; the project's own live alert is acknowledged (again and again), others are 404, odd ids 400. */
const acknowledgeAlertTarget: RestTarget = (fixture) => {
  const own = fixture.alerts.alertId;
  const foreign = fixture.foreign.alerts.alertId;
  const cases = fc.tuple(pathIds(own, foreign), fc.constantFrom<"admin" | "datasetsRead">("admin", "admin", "datasetsRead")).map(([alertId, key]): RestCase => ({
    label: `acknowledge ${describeValue({ alertId, key })}`,
    request: { method: "POST", path: `${ALERTS_PATH}/${encodeSegment(alertId)}/acknowledge`, params: { alertId }, headers: bearer(fixture.secrets[key]) },
    check: key === "admin" ? checkPathId(alertId, own, foreign, 200) : expectStatus(403),
  }));
  return { cases: fc.oneof({ weight: 4, arbitrary: cases }, { weight: 1, arbitrary: credentialCases("POST", `${ALERTS_PATH}/${own}/acknowledge`, { alertId: own }) }) };
};

/** A valid rule body, on a queue of the project. */
const validRule = (fixture: FuzzFixture) => ({
  name: "Approvals saturating",
  metric: "labels.approval",
  comparator: ">",
  threshold: 0.95,
  queueId: fixture.queue.id,
  granularity: "day",
  sustainedWindows: 2,
  clearWindows: 3,
  severity: "warning",
  isEnabled: true,
});

/** Rule bodies broken as a JSON client can break them (another project's queue among the ids). */
const ruleMutations = (schema: z.ZodType, fixture: FuzzFixture) => mutationOf([schema], oddValues({ foreignIds: [fixture.foreign.queue.id], jsonOnly: true }));
const ruleEnvelopes = fc.constantFrom("{", "[]", "null", '"x"', "", `{"threshold":${"[".repeat(100_000)}}`, '{"threshold":1e400}', '{"threshold":"NaN"}');

/** Creating a rule: the valid body with one mutation (201, or a 400 naming the field), broken envelopes, a read key, bad credentials. */
const createAlertRuleTarget: RestTarget = (fixture) => {
  const post = (secret: string, body: string, label: string, check: RestCase["check"]): RestCase => ({
    label,
    request: { method: "POST", path: ALERT_RULES_PATH, params: {}, headers: { ...json, ...bearer(secret) }, body },
    check,
  });
  const mutated = ruleMutations(createAlertRuleSchema, fixture).map((mutation) =>
    post(fixture.secrets.admin, JSON.stringify(applyMutation(validRule(fixture), mutation)), `rule ${describeValue(mutation)}`, expectStatus(201, 400)),
  );
  const envelopes = ruleEnvelopes.map((body) => post(fixture.secrets.admin, body, `envelope ${body.slice(0, 40)}`, expectStatus(400)));
  const foreignQueue = fc.constant(post(fixture.secrets.admin, JSON.stringify({ ...validRule(fixture), queueId: fixture.foreign.queue.id }), "another project's queue", expectStatus(400)));
  const readKey = fc.constant(post(fixture.secrets.datasetsRead, JSON.stringify(validRule(fixture)), "a read key", expectStatus(403)));
  return {
    cases: fc.oneof(
      { weight: 5, arbitrary: mutated },
      { weight: 1, arbitrary: envelopes },
      { weight: 1, arbitrary: foreignQueue },
      { weight: 1, arbitrary: readKey },
      { weight: 1, arbitrary: credentialCases("POST", ALERT_RULES_PATH, {}, JSON.stringify(validRule(fixture))) },
    ),
  };
};

/** Changing a rule: odd path ids, and the valid patch with one mutation, on the project's own rule (200 or a 400 naming the field). */
const patchAlertRuleTarget: RestTarget = (fixture) => {
  const own = fixture.alerts.ruleId;
  const foreign = fixture.foreign.alerts.ruleId;
  const patch = { threshold: 0.3, sustainedWindows: 1, clearWindows: 2, severity: "warning", isEnabled: true };
  const request = (ruleId: string, body: string, secret = fixture.secrets.admin) => ({ method: "PATCH", path: `${ALERT_RULES_PATH}/${encodeSegment(ruleId)}`, params: { ruleId }, headers: { ...json, ...bearer(secret) }, body });
  const ids = pathIds(own, foreign).map((ruleId): RestCase => ({ label: `patch ${describeValue(ruleId)}`, request: request(ruleId, JSON.stringify(patch)), check: checkPathId(ruleId, own, foreign, 200) }));
  const bodies = ruleMutations(alertRulePatchSchema, fixture).map((mutation): RestCase => ({
    label: `patch body ${describeValue(mutation)}`,
    request: request(own, JSON.stringify(applyMutation(patch, mutation))),
    check: expectStatus(200, 400),
  }));
  const envelopes = ruleEnvelopes.map((body): RestCase => ({ label: `patch envelope ${body.slice(0, 40)}`, request: request(own, body), check: expectStatus(400) }));
  const readKey = fc.constant<RestCase>({ label: "patch with a read key", request: request(own, JSON.stringify(patch), fixture.secrets.datasetsRead), check: expectStatus(403) });
  return {
    cases: fc.oneof(
      { weight: 2, arbitrary: ids },
      { weight: 4, arbitrary: bodies },
      { weight: 1, arbitrary: envelopes },
      { weight: 1, arbitrary: readKey },
      { weight: 1, arbitrary: credentialCases("PATCH", `${ALERT_RULES_PATH}/${own}`, { ruleId: own }, JSON.stringify(patch)) },
    ),
  };
};

/** Deleting a rule: odd ids (400), ids of nothing or of another project (404), bad credentials. */
const deleteAlertRuleTarget: RestTarget = (fixture) => {
  const ids = fc.oneof(fc.constant(fixture.foreign.alerts.ruleId), fc.constant(UNKNOWN_ID), fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 8 }));
  const cases = ids.map((ruleId): RestCase => ({
    label: `delete rule ${describeValue(ruleId)}`,
    request: { method: "DELETE", path: `${ALERT_RULES_PATH}/${encodeSegment(ruleId)}`, params: { ruleId }, headers: bearer(fixture.secrets.admin) },
    check: expectStatus(400, 404),
  }));
  const credentials = credentialCases("DELETE", `${ALERT_RULES_PATH}/${fixture.alerts.ruleId}`, { ruleId: fixture.alerts.ruleId });
  return { cases: fc.oneof({ weight: 4, arbitrary: cases }, { weight: 1, arbitrary: credentials }) };
};

/**
 * Erasing an end user: ids the project never saw (404), odd and over-long ids (400), bad credentials, and a
 * non-admin key (403). No case names an end user the fixture ingested, so the suite never erases rows other
 * targets use.
 */
const eraseEndUserTarget: RestTarget = (fixture) => {
  const ids = fc.oneof(fc.uuid().map((id) => `fuzz-erase-${id}`), fc.constantFrom(...ODD_STRINGS), fc.constant("x".repeat(201)), fc.constant(""));
  const cases = ids.map((endUserId): RestCase => ({
    label: `erase end user ${describeValue(endUserId)}`,
    request: { method: "DELETE", path: `/api/v1/end-users/${encodeSegment(endUserId)}`, params: { endUserId }, headers: bearer(fixture.secrets.admin) },
    check: expectStatus(400, 404),
  }));
  const ingestKey = fc.constant<RestCase>({
    label: "erase with an ingest key",
    request: { method: "DELETE", path: "/api/v1/end-users/fuzz-nobody", params: { endUserId: "fuzz-nobody" }, headers: bearer(fixture.secrets.ingest) },
    check: expectStatus(403),
  });
  const credentials = credentialCases("DELETE", "/api/v1/end-users/fuzz-nobody", { endUserId: "fuzz-nobody" });
  return { cases: fc.oneof({ weight: 4, arbitrary: cases }, { weight: 1, arbitrary: ingestKey }, { weight: 1, arbitrary: credentials }) };
};

const goldCursors = ["0", "1", "-1", "1.5", "abc", "9223372036854775807", "9223372036854775808", "99999999999999999999", ""];

/** The gold feed's query: odd cursors, limits and queue ids (another project's queue must be a 404). */
function goldQuery(fixture: FuzzFixture) {
  return fc.record(
    {
      since: fc.oneof(fc.constantFrom(...goldCursors), fc.constantFrom(...ODD_STRINGS)),
      limit: fc.oneof(fc.constantFrom("1", "100", "1000", "1001", "0", "-5", "2.5", "1e2"), fc.constantFrom(...ODD_STRINGS)),
      queue: fc.oneof(fc.constant(fixture.queue.id), fc.constant(fixture.foreign.queue.id), fc.uuid(), fc.constantFrom(...ODD_STRINGS)),
    },
    { requiredKeys: [] },
  );
}

/** The gold feed and its stream: every query answered 200 or a 4xx naming the parameter; bad credentials 401. */
function goldTarget(path: string, options: { withLastEventId: boolean }): RestTarget {
  return (fixture) => {
    const queries = fc.tuple(goldQuery(fixture), fc.option(fc.oneof(fc.constantFrom(...goldCursors), fc.constantFrom(...ODD_STRINGS)))).map(([query, lastEventId]): RestCase => {
      const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
      const header: Record<string, string> = options.withLastEventId && lastEventId !== null ? { "last-event-id": lastEventId.replace(/[^\x20-\x7e]/g, "") } : {};
      return {
        label: `${path} ${describeValue({ query, header })}`,
        request: { method: "GET", path: `${path}?${search}`, params: {}, headers: { ...bearer(fixture.secrets.datasetsRead), ...header } },
        check: expectStatus(200, 400, 404),
      };
    });
    return { cases: fc.oneof({ weight: 4, arbitrary: queries }, { weight: 1, arbitrary: credentialCases("GET", path) }) };
  };
}

const OUTPUTS_PATH = "/api/v1/outputs";
const outputsCursors = ["WyIyMDI2LTExLTI0VDEwOjAwOjAwLjAwMDAwMFoiLDFd", "WyIyMDI2LTAyLTMwVDEwOjAwOjAwLjAwMDAwMFoiLDFd", "WyIwMDAwLTAxLTAxVDAwOjAwOjAwLjAwMDAwMFoiLDFd", "W10", "e30", "!!!", "0", "bnVsbA"];
const outputsKeys = ["ingest", "datasetsRead", "admin"] as const;

/** Listing outputs: every filter with real values, near misses and odd text, repeated or not, unknown parameters, odd cursors; 200 or 400. */
const listOutputsTarget: RestTarget = (fixture) => {
  const odd = fc.constantFrom(...ODD_STRINGS);
  const parameter = fc.oneof(
    fc.tuple(fc.constantFrom("model", "session_id", "end_user_id", "q", "tag"), fc.oneof(fc.constantFrom("support-bot-1", "refund", "support", "a b -c \"d\" or"), odd)),
    fc.tuple(fc.constant("metadata"), fc.oneof(fc.constantFrom("channel=web", "attempt=2", "flag=true", "=x", "noequals", "k=", `${"k".repeat(101)}=v`), odd)),
    fc.tuple(fc.constant("signal"), fc.oneof(fc.constantFrom("thumbs_down", "thumbs_up", "THUMBS_DOWN", "score"), odd)),
    fc.tuple(fc.constantFrom("from", "to"), fc.oneof(fc.constantFrom("2026-11-24T10:00:00Z", "2026-11-24", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59-15:00", "2026-02-30T00:00:00Z"), odd)),
    fc.tuple(fc.constant("consent"), fc.oneof(fc.constantFrom("true", "false", "TRUE", "1"), odd)),
    fc.tuple(fc.constant("limit"), fc.oneof(fc.constantFrom("1", "50", "200", "201", "0", "-1", "1.5", "1e2"), odd)),
    fc.tuple(fc.constant("cursor"), fc.oneof(fc.constantFrom(...outputsCursors), odd)),
    fc.tuple(fc.constantFrom("models", "tags", ""), fc.constantFrom("x")),
  );
  const queries = fc.tuple(fc.array(parameter, { maxLength: 5 }), fc.constantFrom(...outputsKeys)).map(([pairs, key]): RestCase => ({
    label: `outputs ${describeValue({ pairs, key })}`,
    request: { method: "GET", path: `${OUTPUTS_PATH}?${new URLSearchParams(pairs)}`, params: {}, headers: bearer(fixture.secrets[key]) },
    check: expectStatus(200, 400),
  }));
  return { cases: fc.oneof({ weight: 4, arbitrary: queries }, { weight: 1, arbitrary: credentialCases("GET", OUTPUTS_PATH) }) };
};

/** One output by external id: the project's own (200), another project's (404), odd ids (400 or 404). */
const getOutputTarget: RestTarget = (fixture) => {
  const own = fixture.outputExternalIds[0]!;
  const foreign = fixture.foreign.outputExternalIds[0]!;
  const ids = fc.oneof(fc.constant(own), fc.constant(foreign), fc.constant("no/such id?#"), fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 8 }));
  const cases = fc.tuple(ids, fc.constantFrom(...outputsKeys)).map(([externalId, key]): RestCase => ({
    label: `output ${describeValue({ externalId, key })}`,
    request: { method: "GET", path: `${OUTPUTS_PATH}/${encodeSegment(externalId)}`, params: { externalId }, headers: bearer(fixture.secrets[key]) },
    check: checkPathId(externalId, own, foreign, 200),
  }));
  return { cases: fc.oneof({ weight: 4, arbitrary: cases }, { weight: 1, arbitrary: credentialCases("GET", `${OUTPUTS_PATH}/${encodeSegment(own)}`, { externalId: own }) }) };
};

/**
 * A generator for every REST route, keyed `METHOD path` as the route files lay them out; a route missing
 * here fails the suite.
 */
export const restTargets: Record<string, RestTarget> = {
  "GET /api/v1/health": () => ({
    cases: fc.constantFrom("", "?verbose=%FF", "?x=\u0000", `?${"a".repeat(10_000)}`).map((query) => ({
      label: `health ${query.slice(0, 40)}`,
      request: { method: "GET", path: `/api/v1/health${query}`, params: {}, headers: { authorization: "Bearer nonsense", cookie: "x=\u00ff" } },
      check: expectStatus(200),
    })),
  }),
  "GET /api/v1/whoami": (fixture) => ({
    cases: fc.oneof(
      credentialCases("GET", "/api/v1/whoami"),
      fc.constant<RestCase>({ label: "whoami with a good key", request: { method: "GET", path: "/api/v1/whoami", params: {}, headers: bearer(fixture.secrets.ingest) }, check: expectStatus(200) }),
    ),
  }),
  "POST /api/v1/outputs": batchTarget({
    path: "/api/v1/outputs",
    batchKey: "outputs",
    itemSchema: ingestOutputSchema,
    validItem: (_, id) => ({ external_id: `fuzz-${id}`, input: [{ role: "user", content: "Where is my refund?" }], output: "Refunds take 5 days.", candidates: [{ output: "Refunds take 5 days.", model: "m" }, { output: [{ role: "assistant", content: "About a week." }] }], model: "m", tags: ["t"], metadata: { channel: "web" }, end_user_id: "u1", trace_id: "t1", consent: true, produced_at: "2026-11-24T10:00:00Z", suggestion: { source: "gpt-4o-judge", values: { verdict: "helpful" } } }),
  }),
  "GET /api/v1/outputs": listOutputsTarget,
  "GET /api/v1/outputs/[externalId]": getOutputTarget,
  "POST /api/v1/signals": batchTarget({
    path: "/api/v1/signals",
    batchKey: "signals",
    itemSchema: ingestSignalSchema,
    validItem: (fixture, id) => ({ external_id: fixture.outputExternalIds[0], kind: "score", value: 0.5, comment: "meh", end_user_id: "u1", idempotency_key: `fuzz-${id}`, occurred_at: "2026-11-24T10:00:00Z" }),
  }),
  "GET /api/v1/datasets/[slug]/releases/[release]": releaseTarget,
  "POST /api/v1/datasets/[slug]/releases": publishTarget,
  "GET /api/v1/datasets/[slug]/releases/[release]/status": statusTarget,
  "GET /api/v1/webhook-endpoints": (fixture) => ({
    cases: fc.oneof(
      credentialCases("GET", WEBHOOK_ENDPOINTS_PATH),
      fc.constant<RestCase>({ label: "an admin key", request: { method: "GET", path: WEBHOOK_ENDPOINTS_PATH, params: {}, headers: bearer(fixture.secrets.admin) }, check: expectStatus(200) }),
      fc.constant<RestCase>({ label: "a read key", request: { method: "GET", path: WEBHOOK_ENDPOINTS_PATH, params: {}, headers: bearer(fixture.secrets.datasetsRead) }, check: expectStatus(403) }),
    ),
  }),
  "POST /api/v1/webhook-endpoints": createWebhookEndpointTarget,
  "DELETE /api/v1/webhook-endpoints/[endpointId]": deleteWebhookEndpointTarget,
  "GET /api/v1/gold": goldTarget("/api/v1/gold", { withLastEventId: false }),
  "GET /api/v1/gold/stream": goldTarget("/api/v1/gold/stream", { withLastEventId: true }),
  "GET /api/v1/alerts": listAlertsTarget,
  "GET /api/v1/alerts/[alertId]": getAlertTarget,
  "POST /api/v1/alerts/[alertId]/acknowledge": acknowledgeAlertTarget,
  "GET /api/v1/queues/[queueId]/fit": queueFitTarget,
  "GET /api/v1/alert-rules": (fixture) => ({
    cases: fc.oneof(
      credentialCases("GET", ALERT_RULES_PATH),
      fc.constantFrom<"admin" | "datasetsRead">("admin", "datasetsRead").map((key): RestCase => ({ label: `rules with a ${key} key`, request: { method: "GET", path: ALERT_RULES_PATH, params: {}, headers: bearer(fixture.secrets[key]) }, check: expectStatus(200) })),
      fc.constant<RestCase>({ label: "rules with an ingest key", request: { method: "GET", path: ALERT_RULES_PATH, params: {}, headers: bearer(fixture.secrets.ingest) }, check: expectStatus(403) }),
    ),
  }),
  "POST /api/v1/alert-rules": createAlertRuleTarget,
  "PATCH /api/v1/alert-rules/[ruleId]": patchAlertRuleTarget,
  "DELETE /api/v1/alert-rules/[ruleId]": deleteAlertRuleTarget,
  "POST /api/v1/otlp/v1/traces": otlpTracesTarget,
  "DELETE /api/v1/end-users/[endUserId]": eraseEndUserTarget,
};
