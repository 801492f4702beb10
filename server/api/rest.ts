import "server-only";
import { ZodError } from "zod";
import { getDatabase } from "@/db";
import type { ApiKeyScope } from "@/server/api-keys/schema";
import { authenticateApiKey, type ApiKeyPrincipal } from "@/server/api-keys/service";
import { DomainError, ForbiddenError, UnauthorizedError } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import { classifyDatabaseOutage, DATABASE_RETRY_AFTER_SECONDS, type DatabaseOutageReason } from "@/server/lib/pg-errors";
import { classifyDomainError } from "./error-mapping";
import { internalErrorMessage, reportInternalError } from "./internal-errors";

/**
 * The one JSON error shape of the REST API: a stable code, a sentence, the field at fault when there is one,
 * and for a 500 the request id its cause was logged under.
 */
export type RestErrorBody = { error: { code: string; message: string; field?: string; requestId?: string } };

function errorResponse(status: number, code: string, message: string, details: { field?: string; requestId?: string } = {}): Response {
  // JSON leaves out the details that are undefined.
  const body: RestErrorBody = { error: { code, message, ...details } };
  return Response.json(body, { status, headers: status === 401 ? { "WWW-Authenticate": 'Bearer realm="goldloop"' } : {} });
}

/** 503 with Retry-After while Postgres is unreachable: the client sends again (an ingest batch is stored whole or not at all, and idempotently). */
function databaseUnavailableResponse(reason: DatabaseOutageReason): Response {
  logger.warn({ reason }, "REST request refused: database unavailable");
  const response = errorResponse(503, "service_unavailable", "the database is unavailable; retry after a few seconds");
  response.headers.set("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
  return response;
}

/** Maps anything a handler throws to a response: domain and validation errors to 4xx, outages to 503, the rest to a logged 500. */
function toErrorResponse(error: unknown, request: Request): Response {
  const outage = classifyDatabaseOutage(error);
  if (outage) return databaseUnavailableResponse(outage);
  if (error instanceof DomainError) {
    const { code, status } = classifyDomainError(error);
    return errorResponse(status, code.toLowerCase(), error.message, { field: error.field });
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.map(String).join(".") || undefined;
    return errorResponse(400, "bad_request", field ? `${field}: ${issue?.message}` : (issue?.message ?? "invalid request"), { field });
  }
  const requestId = reportInternalError(error, { method: request.method, path: new URL(request.url).pathname });
  return errorResponse(500, "internal_server_error", internalErrorMessage(requestId), { requestId });
}

/**
 * Authenticates a `Authorization: Bearer gl_…` API key and checks it holds `scope`, or one of the scopes
 * listed (admin keys hold every scope); `scope: null` accepts any valid key.
 */
export async function requireApiKey(request: Request, scope: ApiKeyScope | readonly ApiKeyScope[] | null): Promise<ApiKeyPrincipal> {
  const header = request.headers.get("authorization") ?? "";
  const [scheme, secret] = header.split(" ");
  if (scheme?.toLowerCase() !== "bearer" || !secret) {
    throw new UnauthorizedError("send an API key as `Authorization: Bearer <key>`", { field: "authorization" });
  }
  const principal = await authenticateApiKey(getDatabase(), secret.trim());
  if (!principal) throw new UnauthorizedError("this API key is unknown or revoked", { field: "authorization" });
  const accepted: readonly ApiKeyScope[] = scope === null ? [] : typeof scope === "string" ? [scope] : scope;
  if (accepted.length > 0 && !principal.scopes.includes("admin") && !accepted.some((wanted) => principal.scopes.includes(wanted))) {
    const named = accepted.map((name) => `"${name}"`).join(" or ");
    throw new ForbiddenError(`this API key lacks the ${named} scope`, { field: "authorization" });
  }
  return principal;
}

/** Wraps a route handler so every failure becomes a JSON error response and never an unhandled 500 page. */
export function restHandler<Args extends unknown[]>(handler: (request: Request, ...args: Args) => Promise<Response>) {
  return async (request: Request, ...args: Args): Promise<Response> => {
    try {
      return await handler(request, ...args);
    } catch (error) {
      return toErrorResponse(error, request);
    }
  };
}

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];
const methodRefusals = new WeakSet<object>();

/** True for a handler refuseOtherMethods made: a route's list of what it serves leaves these out. */
export const isMethodRefusal = (handler: unknown): boolean => typeof handler === "function" && methodRefusals.has(handler);

/**
 * Handlers for the methods a route does not serve: 405 in the API's JSON error shape, naming the method
 * and listing the served ones in `Allow`, where Next would answer an empty 405. A route exports them
 * beside its own: `export const { PUT, PATCH, DELETE } = refuseOtherMethods("GET", "POST");`.
 */
export function refuseOtherMethods<const Served extends HttpMethod>(...served: Served[]): Record<Exclude<HttpMethod, Served>, (request: Request) => Response> {
  const allow = served.join(", ");
  const refusals: Partial<Record<HttpMethod, (request: Request) => Response>> = {};
  for (const method of HTTP_METHODS.filter((candidate) => !(served as HttpMethod[]).includes(candidate))) {
    const refuse = () => {
      const response = errorResponse(405, "method_not_allowed", `${method} is not served here; use ${served.join(" or ")}`, { field: "method" });
      response.headers.set("Allow", allow);
      return response;
    };
    methodRefusals.add(refuse);
    refusals[method] = refuse;
  }
  return refusals as Record<Exclude<HttpMethod, Served>, (request: Request) => Response>;
}
