import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { getDatabase, type Database } from "@/db";
import { hasAnyRole, type ProjectRole } from "@/server/auth/roles";
import { DomainError, ForbiddenError } from "@/server/lib/errors";
import { findMembership } from "@/server/members/queries";
import type { SessionUser } from "@/server/users/schema";
import { logger } from "@/server/lib/logger";
import { classifyDatabaseOutage } from "@/server/lib/pg-errors";
import { toDatabaseUnavailableError, toTRPCError } from "./error-mapping";
import { hideInternalError } from "./internal-errors";

/** What every procedure can see. Tests build it directly; requests build it from the session. */
export type InnerContext = { db: Database; user: SessionUser | null };

export function createInnerContext(options: { db?: Database; user: SessionUser | null }): InnerContext {
  return { db: options.db ?? getDatabase(), user: options.user };
}

const t = initTRPC.context<InnerContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error, path }) {
    const cause = error.cause;
    const formatted = {
      ...shape,
      data: {
        ...shape.data,
        // Field-level messages let forms put the error next to the input it is about.
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        field: cause instanceof DomainError ? (cause.field ?? null) : null,
        requestId: null as string | null,
      },
    };
    return error.code === "INTERNAL_SERVER_ERROR" ? hideInternalError(formatted, cause ?? error, path) : formatted;
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Domain errors thrown by services become tRPC errors with the right code, here and nowhere else. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

/** An unreachable database is a 503 the client may retry, not a 500. */
const mapDatabaseOutages = t.middleware(async ({ next, path }) => {
  const result = await next();
  const unavailable = result.ok ? null : toDatabaseUnavailableError(result.error.cause);
  if (unavailable) {
    logger.warn({ path, reason: classifyDatabaseOutage(unavailable.cause) }, "tRPC call refused: database unavailable");
    throw unavailable;
  }
  return result;
});

/** Rung 1: anyone. */
export const publicProcedure = t.procedure.use(mapDomainErrors).use(mapDatabaseOutages);

/** Rung 2: a signed-in, active user. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  return next({ ctx: { user: ctx.user } });
});

/** Rung 3: a member of the project named by `projectId`; the membership is loaded once, here. */
export const projectProcedure = authedProcedure
  .input(z.object({ projectId: z.uuid("projectId must be a project id") }))
  .use(async ({ ctx, input, next }) => {
    const membership = await findMembership(ctx.db, input.projectId, ctx.user.id);
    if (!membership) throw new ForbiddenError("you are not a member of this project", { field: "projectId" });
    const role = membership.role as ProjectRole;
    // `actor` is who acts in which project, the shape every project service takes.
    return next({ ctx: { membership: { projectId: membership.projectId, role }, actor: { projectId: membership.projectId, userId: ctx.user.id, role } } });
  });

/** Rung 4: a member holding one of `roles` (admins hold every role, leads also act as annotators). */
export function requireRole(...roles: ProjectRole[]) {
  return projectProcedure.use(({ ctx, next }) => {
    if (!hasAnyRole(ctx.membership.role, roles)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `this needs the ${roles.join(" or ")} role` });
    }
    return next();
  });
}
