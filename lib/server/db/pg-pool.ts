import pg from "pg";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/log/logger";

// One pool per process (dev hot reload would otherwise open a new one on every edit).
const globalForPg = globalThis as unknown as { lateralPgPool?: pg.Pool };

/**
 * `pg` directly, for bulk writes only. Through Prisma a large parameter is serialised into the query
 * plan, and @prisma/debug keeps the arguments of its last 100 debug calls — plans included — even
 * with debugging off: with ~1.6 MB batches that held ~100-150 MB and grew the ingest worker's RSS.
 */
export function pgPool(): pg.Pool {
  if (!globalForPg.lateralPgPool) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 2, allowExitOnIdle: true });
    // An idle connection's error (server restart) must not crash the process; the next query reconnects.
    pool.on("error", (error) => logger.warn({ err: error }, "idle PostgreSQL connection lost"));
    globalForPg.lateralPgPool = pool;
  }
  return globalForPg.lateralPgPool;
}
