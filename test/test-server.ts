import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { toPgConfig, withDatabase } from "@/lib/server/db/pg-config";

export const LOCAL_SERVICE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestServer = {
  /** Admin URL (database `postgres`) on which test databases are created. */
  url: string;
  source: "DATABASE_URL" | "local-service" | "embedded";
  stop(): Promise<void>;
};

/**
 * Where test databases live: the server of `DATABASE_URL` when set, else the machine's PostgreSQL
 * service, else a throwaway embedded PostgreSQL (fresh machines without a server).
 */
export async function startTestServer(
  databaseUrl = process.env.DATABASE_URL,
  localServiceUrl = LOCAL_SERVICE_URL,
): Promise<TestServer> {
  if (databaseUrl) {
    return { url: withDatabase(databaseUrl, "postgres"), source: "DATABASE_URL", stop: async () => {} };
  }
  if (await answers(localServiceUrl)) {
    return { url: localServiceUrl, source: "local-service", stop: async () => {} };
  }
  const { startEmbeddedPostgres } = await import("@/lib/server/db/embedded");
  const home = await mkdtemp(path.join(tmpdir(), "lateral-test-pg-"));
  await chmod(home, 0o755); // as root the server runs as the postgres user
  const server = await startEmbeddedPostgres({ dataDir: path.join(home, "pg"), persistent: false, port: 0 });
  return {
    url: server.connectionString,
    source: "embedded",
    stop: async () => {
      await server.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ ...toPgConfig(url), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
