import { randomUUID } from "node:crypto";
import { logger } from "@/server/lib/logger";

/** What a client is told about an error we did not expect, on both transports. */
export function internalErrorMessage(requestId: string): string {
  return `something went wrong on our side; it has been logged under request id ${requestId}`;
}

/**
 * Logs an unexpected error with its cause under a fresh request id, and returns the id. The cause (a
 * database or library message) goes only to the log; the client gets the id, to quote when reporting it.
 */
export function reportInternalError(cause: unknown, context: Record<string, unknown>): string {
  const requestId = randomUUID();
  logger.error({ err: cause, requestId, ...context }, "unexpected error");
  return requestId;
}

type ErrorShape = { message: string; data: { requestId: string | null; stack?: string } };

/** A tRPC error shape for an unexpected error: the generic message and a request id instead of the cause and stack. */
export function hideInternalError<Shape extends ErrorShape>(shape: Shape, cause: unknown, path: string | undefined): Shape {
  const requestId = reportInternalError(cause, { path });
  const { stack: _stack, ...data } = shape.data;
  // Only the stack is left out, which the shape allows to be absent.
  return { ...shape, message: internalErrorMessage(requestId), data: { ...data, requestId } } as Shape;
}
