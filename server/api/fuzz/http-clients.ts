import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Database } from "@/db";
import { buildAuthOptions } from "@/server/auth/next-auth-options";
import { parseEnv } from "@/server/lib/env";
import { DomainError } from "@/server/lib/errors";
import { loadSessionUser } from "@/server/users/service";
import type { SessionUser } from "@/server/users/schema";
import { callProcedureByPath } from "../call-by-path";
import { createInnerContext, type InnerContext } from "../trpc";
import { handleTrpcRequest, TRPC_ENDPOINT } from "../trpc-http";

/** What a client learnt from one call, on either transport: the status and the fields a refusal names. */
export type Outcome = { status: number; fields: string[]; hasFormError: boolean; message: string; requestId: string | null; body: string };

export const SESSION_COOKIE = "next-auth.session-token";

/** A `Cookie` header holding a real next-auth session for `userId`, as the browser holds after signing in. */
export async function sessionCookieFor(userId: string): Promise<string> {
  return `${SESSION_COOKIE}=${await encode({ token: { sub: userId }, secret: parseEnv().NEXTAUTH_SECRET! })}`;
}

/** Cookies as Next hands them to next-auth: name to raw value; a pair without `=` is ignored. */
function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (header ?? "").split(";")) {
    const separator = pair.indexOf("=");
    if (separator > 0) cookies[pair.slice(0, separator).trim()] = pair.slice(separator + 1).trim();
  }
  return cookies;
}

/**
 * The route's context built from the request instead of Next's request scope: next-auth's own
 * getServerSession reads the session cookie with the app's auth options, and the user is re-read.
 */
export function sessionContextFor(db: Database): (options: { req: Request }) => Promise<InnerContext> {
  // Refused tokens are the point of many cases; next-auth would print each one to the console.
  const authOptions = { ...buildAuthOptions(parseEnv()), logger: { error() {}, warn() {}, debug() {} } };
  const ignoredResponse = { getHeader() {}, setCookie() {}, setHeader() {} };
  return async ({ req }) => {
    const request = { headers: Object.fromEntries(req.headers), cookies: parseCookies(req.headers.get("cookie")) };
    // next-auth types this overload for the pages router; it reads only `headers` and `cookies`.
    const session = (await getServerSession(request as never, ignoredResponse as never, authOptions)) as { userId?: string } | null;
    return createInnerContext({ db, user: session?.userId ? await loadSessionUser(db, session.userId) : null });
  };
}

type ErrorJson = { message?: string; data?: { field?: string | null; requestId?: string | null; zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null } };

/** Reads a tRPC HTTP response (single or batched, superjson-wrapped or not) into an Outcome. */
export async function readTrpcResponse(response: Response): Promise<Outcome> {
  const body = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { status: response.status, fields: [], hasFormError: false, message: body.slice(0, 200), requestId: null, body };
  }
  const errors = (Array.isArray(parsed) ? parsed : [parsed]).flatMap((entry) => {
    const error = (entry as { error?: { json?: ErrorJson } & ErrorJson } | null)?.error;
    return error ? [error.json ?? error] : [];
  });
  const fields = errors.flatMap((error) => [
    ...Object.entries(error.data?.zodError?.fieldErrors ?? {}).flatMap(([field, messages]) => (messages?.length ? [field] : [])),
    ...(error.data?.field ? [error.data.field] : []),
  ]);
  return {
    status: response.status,
    fields,
    hasFormError: errors.some((error) => (error.data?.zodError?.formErrors.length ?? 0) > 0),
    message: errors.map((error) => error.message ?? "").join("; "),
    requestId: errors.find((error) => error.data?.requestId)?.data?.requestId ?? null,
    body,
  };
}

/**
 * The input as a tRPC body: superjson, as the browser client sends it. superjson refuses to serialize a
 * `__proto__` key (fast-check generates one), yet a hostile client can still send it as plain JSON, so
 * such an input goes out as `{ json }`.
 */
export function serializeTrpcInput(input: unknown): { json: unknown; meta?: unknown } {
  try {
    return superjson.serialize(input);
  } catch {
    return { json: input };
  }
}

/** A tRPC request as the browser client sends it: a query as GET `?input=`, a mutation as a POST body, both superjson. */
export function buildTrpcRequest(options: { path: string; type: string; input: unknown; cookie?: string; headers?: Record<string, string> }): Request {
  const payload = JSON.stringify(serializeTrpcInput(options.input));
  const headers = { "content-type": "application/json", ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers };
  const url = `http://localhost${TRPC_ENDPOINT}/${options.path}`;
  if (options.type === "query") return new Request(`${url}?input=${encodeURIComponent(payload)}`, { headers });
  return new Request(url, { method: "POST", headers, body: payload });
}

/** Sends a request through the real tRPC HTTP handler, with the session read from its cookie. */
export async function sendTrpcRequest(db: Database, request: Request): Promise<Outcome> {
  return readTrpcResponse(await handleTrpcRequest(request, sessionContextFor(db)));
}

/** Calls a procedure in process (createCaller) and describes the result as a client would see it. */
export async function callTrpcInProcess(db: Database, user: SessionUser | null, path: string, input: unknown): Promise<Outcome> {
  try {
    await callProcedureByPath(db, user, path, input);
    return { status: 200, fields: [], hasFormError: false, message: "", requestId: null, body: "" };
  } catch (error) {
    if (!(error instanceof TRPCError)) return { status: 500, fields: [], hasFormError: false, message: String(error), requestId: null, body: "" };
    const cause = error.cause;
    const flat = cause instanceof ZodError ? z.flattenError(cause) : null;
    const fields = [...Object.keys(flat?.fieldErrors ?? {}), ...(cause instanceof DomainError && cause.field ? [cause.field] : [])];
    return { status: getHTTPStatusCodeFromError(error), fields, hasFormError: (flat?.formErrors.length ?? 0) > 0, message: error.message, requestId: null, body: "" };
  }
}
