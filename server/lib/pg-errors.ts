/** True when a pg error is a unique violation, optionally on one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError?.code === "23505" && (constraint === undefined || pgError.constraint === constraint);
}
