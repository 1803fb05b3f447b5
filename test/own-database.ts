import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/create-test-database";

/**
 * A migrated database for this test file alone (figures that assume no other test's rows), with the
 * server modules pointed at it. Registers its own setup and teardown; call it at the top of the file,
 * before the file's own `beforeAll`, and import server modules only after it ran.
 */
export function useOwnDatabase(): { readonly client: pg.Client } {
  let database: TestDatabase | undefined;
  let client: pg.Client | undefined;
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: inject("testServerUrl") });
    // Server modules read their database from the environment on first use.
    Object.assign(process.env, { DATABASE_URL: database.url, BETTER_AUTH_SECRET: randomBytes(32).toString("hex") });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    const { db } = await import("@/lib/server/db/client");
    await db.$disconnect();
    await database?.drop();
  });
  return {
    get client() {
      if (!client) throw new Error("useOwnDatabase: the database is ready only inside hooks and tests");
      return client;
    },
  };
}
