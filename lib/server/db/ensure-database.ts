import pg from "pg";
import { toPgConfig, withDatabase } from "@/lib/server/db/pg-config";

const INVALID_CATALOG_NAME = "3D000";

/**
 * Creates the database named in `connectionString` when it does not exist yet, as `prisma migrate
 * deploy` does. Returns true when it created it.
 */
export async function ensureDatabase(connectionString: string): Promise<boolean> {
  const probe = new pg.Client(toPgConfig(connectionString));
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_CATALOG_NAME) throw error;
  } finally {
    await probe.end().catch(() => {});
  }
  const name = toPgConfig(connectionString).database ?? "postgres";
  await runAdmin(connectionString, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  return true;
}

/** Runs one statement on the server's `postgres` database (CREATE/DROP DATABASE cannot run in the target). */
export async function runAdmin(connectionString: string, sql: string): Promise<void> {
  const admin = new pg.Client(toPgConfig(withDatabase(connectionString, "postgres")));
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
