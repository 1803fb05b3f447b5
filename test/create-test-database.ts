import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { runAdmin } from "@/lib/server/db/ensure-database";
import { withDatabase } from "@/lib/server/db/pg-config";
import { applyMigrations } from "@/lib/server/db/schema-engine";
import { startTestServer, type TestServer } from "@/test/test-server";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type TestDatabase = {
  /** Connection string of the new, migrated database. */
  url: string;
  /** Admin URL of the server it lives on (to create more databases). */
  serverUrl: string;
  applied: string[];
  drop(): Promise<void>;
};

/**
 * Creates `lateral_test_<random>` and applies the project's migrations to it (none yet is fine).
 * Shared by Vitest's db global setup and Playwright. `serverUrl` skips server discovery.
 */
export async function createTestDatabase(
  options: { serverUrl?: string; migrationsDir?: string } = {},
): Promise<TestDatabase> {
  const server: TestServer = options.serverUrl
    ? { url: options.serverUrl, source: "DATABASE_URL", stop: async () => {} }
    : await startTestServer();
  const name = `lateral_test_${randomBytes(6).toString("hex")}`;
  const url = withDatabase(server.url, name);
  try {
    await runAdmin(server.url, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    const migrationsDir = options.migrationsDir ?? path.join(REPO, "prisma/migrations");
    const { applied } = await applyMigrations({ connectionString: url, migrationsDir });
    let dropping: Promise<void> | undefined;
    const drop = () =>
      (dropping ??= runAdmin(server.url, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`).finally(
        () => server.stop(),
      ));
    return { url, serverUrl: server.url, applied, drop };
  } catch (error) {
    await runAdmin(server.url, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`).catch(() => {});
    await server.stop();
    throw error;
  }
}
