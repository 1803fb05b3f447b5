import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";

// Server modules read their configuration from the environment at first use; point them at the run's
// throwaway database and a private data folder before any test file imports them.
process.env.DATABASE_URL = inject("testDatabaseUrl");
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.LATERAL_SECRETS_KEY ??= "test-secrets-key-test-secrets-key-0123456789";
process.env.LATERAL_DATA_DIR = mkdtempSync(path.join(tmpdir(), "lateral-db-test-"));
process.env.LOG_LEVEL = "silent";
