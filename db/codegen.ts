// Regenerates db/types.ts from the migrated schema (`npm run db:codegen`), or checks it is current
// (`npm run db:codegen -- --verify`, part of `npm run lint`). Works on a scratch database so it never
// touches real data.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { resolveDatabaseTarget } from "./connect";
import { migrateToLatest } from "./migrate";

const root = fileURLToPath(new URL("..", import.meta.url));
const isVerify = process.argv.includes("--verify");
const target = await resolveDatabaseTarget({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.GOLDLOOP_DATA_DIR ?? `${root}/.goldloop`,
  adoptOrphan: false,
});
const scratchName = `goldloop_codegen_${process.pid}`;
const admin = new pg.Client({ connectionString: target.connectionString });
await admin.connect();
await admin.query(`create database ${scratchName}`);
const scratchUrl = new URL(target.connectionString);
scratchUrl.pathname = `/${scratchName}`;
let status = 1;
try {
  const db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: scratchUrl.toString(), max: 1 }) }) });
  await migrateToLatest(db);
  await db.destroy();
  const args = ["--dialect", "postgres", "--url", scratchUrl.toString(), "--out-file", `${root}/db/types.ts`];
  args.push("--exclude-pattern", "kysely_*", "--log-level", "warn", "--type-mapping", JSON.stringify({ int8: "number" }));
  if (isVerify) args.push("--verify");
  const result = spawnSync(`${root}/node_modules/.bin/kysely-codegen`, args, { stdio: "inherit" });
  status = result.status ?? 1;
} finally {
  await admin.query(`drop database if exists ${scratchName} with (force)`);
  await admin.end();
  await target.embedded?.stop();
}
process.exit(status);
