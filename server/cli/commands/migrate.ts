import { parseCommandArgs, type CliCommand } from "../command";
import { withCliDatabase } from "../database";

export const migrateCommand: CliCommand = {
  path: ["migrate"],
  summary: "Bring the database schema up to date (the server also does this at start)",
  usage: "migrate",
  async run(args, io) {
    parseCommandArgs(args, {});
    await withCliDatabase(async (_db, migration) => {
      const applied = migration.results ?? [];
      if (applied.length === 0) io.stdout("schema is up to date\n");
      for (const result of applied) io.stdout(`${result.status.toLowerCase()}: ${result.migrationName}\n`);
    });
    return 0;
  },
};
