import type { TestProject } from "vitest/node";
import { createTestDatabase } from "@/test/create-test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated `lateral_test_*` database shared by the db project's test files. */
    testDatabaseUrl: string;
    /** Admin URL of the same server, for tests that need databases of their own. */
    testServerUrl: string;
  }
}

/** Vitest globalSetup of the `db` project: one migrated database per run, dropped afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestDatabase();
  project.provide("testDatabaseUrl", database.url);
  project.provide("testServerUrl", database.serverUrl);
  process.env.TEST_DATABASE_URL = database.url; // for code that reads env rather than inject()
  return () => database.drop();
}
