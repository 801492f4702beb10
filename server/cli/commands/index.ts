import type { CliCommand } from "../command";
import { agreementCommand } from "./agreement";
import { apiKeyCreateCommand } from "./apikey-create";
import { demoCommand } from "./demo";
import { eraseEndUserCommand } from "./erase-end-user";
import { exportCommand } from "./export";
import { importLabelsCommand } from "./import-labels";
import { metricsCommand } from "./metrics";
import { migrateCommand } from "./migrate";
import { projectCreateCommand } from "./project-create";
import { publishCommand } from "./publish";
import { pullCommand } from "./pull";
import { resolveCommand } from "./resolve";
import { simulateCommand } from "./simulate";
import { simulateOverlapCommand } from "./simulate-overlap";
import { userCreateCommand } from "./user-create";

/** Every CLI command, in the order `goldloop --help` lists them. */
export const cliCommands: CliCommand[] = [
  migrateCommand,
  userCreateCommand,
  projectCreateCommand,
  apiKeyCreateCommand,
  demoCommand,
  publishCommand,
  resolveCommand,
  importLabelsCommand,
  agreementCommand,
  exportCommand,
  pullCommand,
  metricsCommand,
  eraseEndUserCommand,
  simulateCommand,
  simulateOverlapCommand,
];
