import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import {
  ConflictError,
  type DomainError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from "@/server/lib/errors";
import { classifyDatabaseOutage, DATABASE_RETRY_AFTER_SECONDS } from "@/server/lib/pg-errors";

/** The tRPC code and HTTP status for each domain error; REST and tRPC both read this table. */
export function classifyDomainError(error: DomainError): { code: TRPC_ERROR_CODE_KEY; status: number } {
  if (error instanceof NotFoundError) return { code: "NOT_FOUND", status: 404 };
  if (error instanceof ConflictError) return { code: "CONFLICT", status: 409 };
  if (error instanceof ForbiddenError) return { code: "FORBIDDEN", status: 403 };
  if (error instanceof UnauthorizedError) return { code: "UNAUTHORIZED", status: 401 };
  if (error instanceof InvalidStateError) return { code: "PRECONDITION_FAILED", status: 412 };
  if (error instanceof ValidationError) return { code: "BAD_REQUEST", status: 400 };
  if (error instanceof PayloadTooLargeError) return { code: "PAYLOAD_TOO_LARGE", status: 413 };
  if (error instanceof UnsupportedMediaTypeError) return { code: "UNSUPPORTED_MEDIA_TYPE", status: 415 };
  return { code: "BAD_REQUEST", status: 400 };
}

/** Turns a domain error into the TRPCError a client sees, keeping the original as the cause. */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: classifyDomainError(error).code, message: error.message, cause: error });
}

/** A SERVICE_UNAVAILABLE (503) error when `cause` means Postgres is unreachable; null for any other error. */
export function toDatabaseUnavailableError(cause: unknown): TRPCError | null {
  if (!classifyDatabaseOutage(cause)) return null;
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "the database is unavailable; retry after a few seconds", cause });
}

/** Response headers for a tRPC response: Retry-After when any call was refused for a database outage. */
export function outageResponseHeaders(errors: readonly TRPCError[]): Headers | undefined {
  if (!errors.some((error) => error.code === "SERVICE_UNAVAILABLE")) return undefined;
  return new Headers({ "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) });
}
