import { parseArgs, type ParseArgsConfig } from "node:util";

/** Where a command writes; tests pass buffers, the bin passes the process streams. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

export type CliCommand = {
  /** Words that select the command, for example ["user", "create"]. */
  path: string[];
  summary: string;
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
};

/** Bad input from the user: printed without a stack trace, exit code 2. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** parseArgs with unknown flags and stray positionals turned into CliUsageError. */
export function parseCommandArgs<const T extends OptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Reads a flag that must be present. */
export function requireFlag(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === "") throw new CliUsageError(`missing required flag --${flag}`);
  return value;
}
