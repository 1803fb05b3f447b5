import { randomBytes } from "node:crypto";
import pg from "pg";
import { runAdmin } from "@/lib/server/db/ensure-database";
import { withDatabase } from "@/lib/server/db/pg-config";

/** An empty, unmigrated database on `serverUrl` (for tests of migration tooling itself). */
export async function createEmptyDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lateral_test_${randomBytes(6).toString("hex")}`;
  await runAdmin(serverUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => runAdmin(serverUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  };
}

/** Runs one query on `url` and returns its rows. */
export async function queryRows<T = Record<string, unknown>>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}
