import { createRequestContext } from "@/server/api/request-context";
import { handleTrpcRequest } from "@/server/api/trpc-http";

export const dynamic = "force-dynamic";

function handler(request: Request) {
  return handleTrpcRequest(request, createRequestContext);
}

export { handler as GET, handler as POST };
