import "server-only";
import { getSessionUser } from "@/server/auth/session";
import { toDatabaseUnavailableError } from "./error-mapping";
import { createInnerContext, type InnerContext } from "./trpc";

/** The outer context: the inner one plus the user from this request's session cookie. */
export async function createRequestContext(): Promise<InnerContext> {
  const user = await getSessionUser().catch((error: unknown) => {
    throw toDatabaseUnavailableError(error) ?? error;
  });
  return createInnerContext({ user });
}
