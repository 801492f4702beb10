import { DomainError } from "@/server/lib/errors";
import { CliUsageError } from "./command";

/** Runs domain code and turns its typed errors into CLI usage errors (message, exit code 2). */
export async function runDomainCommand<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw new CliUsageError(error.message);
    throw error;
  }
}
