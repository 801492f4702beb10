import type { Database } from "@/db";
import type { SessionUser } from "@/server/users/schema";
import { createCaller } from "./root";
import { createInnerContext } from "./trpc";

/**
 * Calls a procedure named by its path (`"queues.create"`) as `user`, for the suites that walk every
 * procedure of the router (authorization, fuzz). Not for the app: it gives up the caller's types.
 */
export function callProcedureByPath(db: Database, user: SessionUser | null, path: string, input: unknown): Promise<unknown> {
  // The caller is a nested proxy keyed by path segments; walking it by string needs a loose type.
  let target: unknown = createCaller(createInnerContext({ db, user }));
  for (const segment of path.split(".")) target = (target as Record<string, unknown>)[segment];
  return (target as (input: unknown) => Promise<unknown>)(input);
}
