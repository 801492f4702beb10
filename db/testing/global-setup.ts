import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { resolveDatabaseTarget } from "../connect";
import { migrateToLatest } from "../migrate";
import { templateDatabaseName, withDatabaseName } from "./names";

declare module "vitest" {
  // Module augmentation only works on interfaces.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    /** A connection string to the Postgres server tests run on (any database; tests swap the name). */
    testServerUrl: string;
    /** The migrated template database of this run. */
    testTemplateDatabase: string;
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
  const template = templateDatabaseName(randomBytes(4).toString("hex"));
  const admin = new pg.Client({ connectionString: target.connectionString });
  await admin.connect();
  await admin.query(`create database ${template}`);
  await admin.end();

  const templateDb = new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: withDatabaseName(target.connectionString, template), max: 1 }) }),
  });
  await migrateToLatest(templateDb);
  await templateDb.destroy();

  project.provide("testServerUrl", target.connectionString);
  project.provide("testTemplateDatabase", template);
  return async () => {
    const cleanup = new pg.Client({ connectionString: target.connectionString });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${template} with (force)`);
    await cleanup.end();
    await target.embedded?.stop();
  };
}
