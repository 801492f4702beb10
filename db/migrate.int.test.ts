import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createDatabase } from "./index";
import { migrateToLatest } from "./migrate";
import { migrations } from "./migrations";
import { withDatabaseName } from "./testing/names";
import { dropDatabaseWhenIdle } from "./testing/test-database";

describe("migrateToLatest", () => {
  it("is safe when several processes migrate an empty database at once", async () => {
    const serverUrl = inject("testServerUrl");
    const name = `goldloop_migrate_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const starters = Array.from({ length: 4 }, () => createDatabase(withDatabaseName(serverUrl, name), { maxConnections: 2 }));
    try {
      const outcomes = await Promise.allSettled(starters.map((db) => migrateToLatest(db)));
      expect(outcomes.filter((outcome) => outcome.status === "rejected")).toEqual([]);
      const results = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
      const applied = results.flatMap((result) => result.results ?? []).filter((result) => result.status === "Success");
      expect(applied.map((result) => result.migrationName).sort()).toEqual(Object.keys(migrations).sort());
      const tables = await sql<{ count: number }>`select count(*)::int as count from information_schema.tables where table_name = 'users'`.execute(starters[0]!);
      expect(tables.rows[0]?.count).toBe(1);
    } finally {
      await Promise.all(starters.map((db) => db.destroy()));
      await admin.end();
      await dropDatabaseWhenIdle(serverUrl, name);
    }
  });
});
