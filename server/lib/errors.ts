/**
 * Domain errors. Services throw these and never import a transport; tRPC and REST each map them once
 * (server/api/error-mapping.ts, server/api/rest.ts).
 */
export class DomainError extends Error {
  /** The input field the error is about, when there is one, so clients can point at it. */
  readonly field?: string;

  constructor(message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.field = options.field;
  }
}

export class NotFoundError extends DomainError {
  override name = "NotFoundError";
}

export class ConflictError extends DomainError {
  override name = "ConflictError";
}

export class ForbiddenError extends DomainError {
  override name = "ForbiddenError";
}

export class UnauthorizedError extends DomainError {
  override name = "UnauthorizedError";
}

export class InvalidStateError extends DomainError {
  override name = "InvalidStateError";
}

export class ValidationError extends DomainError {
  override name = "ValidationError";
}

export class PayloadTooLargeError extends DomainError {
  override name = "PayloadTooLargeError";
}

export class UnsupportedMediaTypeError extends DomainError {
  override name = "UnsupportedMediaTypeError";
}
