import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { outageResponseHeaders } from "@/server/api/error-mapping";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/request-context";
import { logger } from "@/server/lib/logger";

export const dynamic = "force-dynamic";

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: createRequestContext,
    responseMeta: ({ errors }) => ({ headers: outageResponseHeaders(errors) }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
    },
  });
}

export { handler as GET, handler as POST };
