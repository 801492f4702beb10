import "server-only";
import { getSessionUser } from "@/server/auth/session";
import { createInnerContext, type InnerContext } from "./trpc";

/** The outer context: the inner one plus the user from this request's session cookie. */
export async function createRequestContext(): Promise<InnerContext> {
  return createInnerContext({ user: await getSessionUser() });
}
