import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { resolveDatabaseTarget } from "../connect";
import { migrateToLatest } from "../migrate";
import { TEMPLATE_DATABASE, withDatabaseName } from "./names";

declare module "vitest" {
  // Module augmentation only works on interfaces.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    /** A connection string to the Postgres server tests run on (any database; tests swap the name). */
    testServerUrl: string;
  }
}

/**
 * Runs once before the integration tests: finds Postgres (DATABASE_URL, or embedded in a temp folder),
 * and builds a migrated template database that each test file clones in milliseconds.
 */
export default async function setup(project: TestProject) {
  const target = await resolveDatabaseTarget({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: join(tmpdir(), "goldloop-test-postgres"),
    adoptOrphan: true,
  });
  const admin = new pg.Client({ connectionString: target.connectionString });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();

  const template = new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: withDatabaseName(target.connectionString, TEMPLATE_DATABASE), max: 1 }) }),
  });
  await migrateToLatest(template);
  await template.destroy();

  project.provide("testServerUrl", target.connectionString);
  return async () => {
    await target.embedded?.stop();
  };
}
