import fc from "fast-check";
import superjson from "superjson";
import type { Database } from "@/db";
import { badCredential, headersFor, type BadCredential } from "./bad-credentials";
import type { FuzzFixture } from "./fixture";
import { buildTrpcRequest, callTrpcInProcess, sendTrpcRequest, sessionCookieFor, type Outcome } from "./http-clients";
import { applyMutation, describeFields, fieldMutation, fieldsRefusedBy, mutationOf, type Mutation } from "./input-mutations";
import { oddValues } from "./odd-values";
import { procedureInputs } from "./schema-walk";
import { ALWAYS_REFUSED, buildTransportRequest, REFUSED_WITH_INPUT, TRANSPORT_PAYLOADS, type TransportPayload } from "./trpc-transport";
import { userFor, type FuzzCaller, type TrpcTarget } from "./trpc-targets";

/**
 * What the server receives for an input sent over HTTP: its superjson round trip, or plain JSON when superjson
 * refuses to serialize it (a `__proto__` or `prototype` key), as serializeTrpcInput sends it then.
 */
function roundTripOverHttp(input: unknown): unknown {
  try {
    return superjson.parse(superjson.stringify(input));
  } catch {
    return JSON.parse(JSON.stringify(input)) as unknown;
  }
}

/** One request to a procedure: its valid input with one mutation (in process or over HTTP), bad credentials, or a hostile transport. */
export type TrpcCase =
  | { kind: "input"; mutation: Mutation; overHttp: boolean }
  | { kind: "credentials"; credential: BadCredential }
  | { kind: "transport"; payload: TransportPayload };

/** A procedure of the router, as the suite enumerates them. */
export type Procedure = { _def: { type: string } };

/**
 * Cases for one procedure: a sweep that sets every field of its input once to an odd value aimed at the
 * field, then `runs` random ones (mostly input mutations, some bad credentials and hostile transports).
 */
export function trpcCasesFor(procedure: Procedure, fixture: FuzzFixture, options: { runs: number; seed: number }): TrpcCase[] {
  const schemas = procedureInputs(procedure);
  const values = oddValues({ foreignIds: fixture.foreignIds, jsonOnly: false });
  const inputCase = (mutation: fc.Arbitrary<Mutation>) => fc.record({ kind: fc.constant("input" as const), mutation, overHttp: fc.boolean() });
  const sweep = fc.tuple(...describeFields(schemas).fields.map((field) => inputCase(fieldMutation(field, values, true))));
  const random = fc.oneof(
    { weight: 6, arbitrary: inputCase(mutationOf(schemas, values)) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("credentials" as const), credential: badCredential }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("transport" as const), payload: fc.constantFrom(...TRANSPORT_PAYLOADS) }) },
  );
  return [...fc.sample(sweep, { numRuns: 1, seed: options.seed })[0]!, ...fc.sample<TrpcCase>(random, { numRuns: options.runs, seed: options.seed })];
}

export type TrpcRun = { db: Database; fixture: FuzzFixture; cookies: Map<FuzzCaller, string | undefined> };

async function cookieOf(run: TrpcRun, caller: FuzzCaller): Promise<string | undefined> {
  if (!run.cookies.has(caller)) {
    const user = userFor(caller, run.fixture);
    run.cookies.set(caller, user ? await sessionCookieFor(user.id) : undefined);
  }
  return run.cookies.get(caller);
}

/** Sends one case and lists what went wrong: a 5xx, or a refusal that does not say which field, or not the refusal expected. */
export async function runTrpcCase(run: TrpcRun, path: string, procedure: Procedure, target: TrpcTarget, testCase: TrpcCase): Promise<{ outcome: Outcome; problems: string[] }> {
  const input = target.input(run.fixture);
  const type = procedure._def.type;
  const problems: string[] = [];
  let outcome: Outcome;
  switch (testCase.kind) {
    case "input": {
      const mutated = applyMutation(input, testCase.mutation);
      outcome = testCase.overHttp
        ? await sendTrpcRequest(run.db, buildTrpcRequest({ path, type, input: mutated, cookie: await cookieOf(run, target.caller) }))
        : await callTrpcInProcess(run.db, userFor(target.caller, run.fixture), path, mutated);
      // Over HTTP the server sees the input after a superjson round trip (an invalid Date, for one, changes on the way).
      const received = testCase.overHttp ? roundTripOverHttp(mutated) : mutated;
      const refused = fieldsRefusedBy(procedureInputs(procedure), received);
      if (refused && outcome.status !== 400) problems.push(`input the schema refuses (${[...refused].join(", ")}) got ${outcome.status}, not 400`);
      if (refused && outcome.status === 400 && !namesAny(outcome, refused)) problems.push(`400 names ${describeNamed(outcome)}, not ${[...refused].join(" or ")}`);
      if (!refused && outcome.status === 400 && outcome.fields.length === 0 && !outcome.hasFormError) problems.push("400 names no field");
      break;
    }
    case "credentials": {
      const headers = await headersFor(testCase.credential, { someoneId: run.fixture.members.admin.id, revokedApiKey: run.fixture.secrets.revoked });
      outcome = await sendTrpcRequest(run.db, buildTrpcRequest({ path, type, input, headers }));
      if (target.caller !== "anonymous" && outcome.status !== 401) problems.push(`bad credentials got ${outcome.status}, not 401`);
      break;
    }
    case "transport": {
      outcome = await sendTrpcRequest(run.db, buildTransportRequest(testCase.payload, { path, type, input, cookie: await cookieOf(run, target.caller) }));
      const mustRefuse = (procedureInputs(procedure).length > 0 ? REFUSED_WITH_INPUT : ALWAYS_REFUSED).has(testCase.payload);
      if (mustRefuse && (outcome.status < 400 || outcome.status >= 500)) problems.push(`got ${outcome.status}, not a 4xx`);
      break;
    }
  }
  if (outcome.status >= 500) problems.push(`${outcome.status}: ${outcome.message.slice(0, 300)}`);
  return { outcome, problems };
}

function namesAny(outcome: Outcome, refused: Set<string>): boolean {
  if (refused.has("") && outcome.hasFormError) return true;
  return outcome.fields.some((field) => refused.has(field.split(/[.[]/)[0]!));
}

function describeNamed(outcome: Outcome): string {
  return outcome.fields.length > 0 ? outcome.fields.join(", ") : outcome.hasFormError ? "the input as a whole" : "nothing";
}
