import type { CliCommand } from "../command";
import { agreementCommand } from "./agreement";
import { resolveCommand } from "./resolve";

/** Every CLI command, in the order `goldloop --help` lists them. */
export const cliCommands: CliCommand[] = [resolveCommand, agreementCommand];
