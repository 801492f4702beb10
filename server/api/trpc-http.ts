import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { outageResponseHeaders } from "./error-mapping";
import { appRouter } from "./root";
import type { InnerContext } from "./trpc";

export const TRPC_ENDPOINT = "/api/trpc";

/**
 * Serves the app router over HTTP: body parsing, batching, the error formatter (which logs unexpected
 * errors under a request id, see internal-errors.ts) and `Retry-After` on answers refused for an outage. The route passes the session's context; tests pass
 * their own and so exercise the same transport.
 */
export function handleTrpcRequest(request: Request, createContext: (options: { req: Request }) => Promise<InnerContext>): Promise<Response> {
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: request,
    router: appRouter,
    createContext,
    responseMeta: ({ errors }) => ({ headers: outageResponseHeaders(errors) }),
  });
}
