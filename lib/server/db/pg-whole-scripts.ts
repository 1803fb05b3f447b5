import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import type pg from "pg";

/**
 * adapter-pg 7.10 runs a migration script by splitting it on every ";", which breaks dollar-quoted
 * bodies (functions, triggers, DO blocks). The native engine sends the script whole, and so do we:
 * one simple-protocol query, which PostgreSQL runs statement by statement in one implicit transaction.
 */
export function withWholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  const toDriverError = (adapter as unknown as { onError: (error: unknown) => never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      toDriverError(error);
    }
  };
  return adapter;
}
