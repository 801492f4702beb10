import type { z } from "zod";
import { ValidationError } from "./errors";

/** Parses input at an edge that is not tRPC (REST, CLI), turning the first issue into a ValidationError naming its field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join(".") || undefined;
  throw new ValidationError(field ? `${field}: ${issue?.message}` : (issue?.message ?? "invalid input"), { field });
}
