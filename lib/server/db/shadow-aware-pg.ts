import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { createCharAwarePool, withCharColumns } from "@/lib/server/db/pg-char-columns";
import { withWholeScripts } from "@/lib/server/db/pg-whole-scripts";

/**
 * `PrismaPg` for the schema engine, with our own shadow database. adapter-pg 7.10's shadow database
 * ignores `database` when given a URL and drops the database before closing its pool, which fails with
 * "being accessed by other users" and leaves `prisma_migrate_shadow_db_*` behind.
 */
export function shadowAwarePg(pool: pg.Pool, config: pg.PoolConfig): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaPg(pool);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => withCharColumns(withWholeScripts(await main.connect(), pool)),
    connectToShadowDb: () => connectToShadowDb(config),
  };
}

async function connectToShadowDb(config: pg.PoolConfig): Promise<SqlDriverAdapter> {
  const name = `prisma_migrate_shadow_db_${randomUUID()}`;
  await adminQuery(config, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  const shadowPool = createCharAwarePool({ ...config, database: name, max: 2 });
  const adapter = withCharColumns(withWholeScripts(await new PrismaPg(shadowPool).connect(), shadowPool));
  const release = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await release();
    await shadowPool.end();
    await adminQuery(config, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  };
  return adapter;
}

async function adminQuery(config: pg.PoolConfig, sql: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
