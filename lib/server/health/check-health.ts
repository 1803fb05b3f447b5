import { readdir } from "node:fs/promises";
import path from "node:path";
import { connectionHealth } from "@/lib/server/connections/connection-window";
import { db } from "@/lib/server/db/client";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/**
 * Ready = the database answers and every migration folder is recorded as applied. Connection badges are
 * details: a failing cluster does not make Lateral itself unavailable. (No errors here: this is public.)
 */
export async function checkHealth() {
  try {
    const applied = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const done = new Set(applied.map((row) => row.migration_name));
    const pending = (await listMigrationNames()).filter((name) => !done.has(name));
    return {
      status: pending.length === 0 ? ("ok" as const) : ("unavailable" as const),
      reason: pending.length === 0 ? undefined : `${pending.length} migration(s) not applied; run 'lateral migrate'`,
      database: { reachable: true, pendingMigrations: pending },
      connections: pending.length === 0 ? await connectionBadges() : [],
    };
  } catch (error) {
    return {
      status: "unavailable" as const,
      reason: `database unreachable: ${(error as Error).message.split("\n")[0]}`,
      database: { reachable: false, pendingMigrations: [] },
      connections: [],
    };
  }
}

async function listMigrationNames(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

async function connectionBadges() {
  const now = new Date();
  const rows = await db.connection.findMany({ orderBy: { name: "asc" }, select: { name: true, enabled: true, checkpoint: true, consecutiveFailures: true, intervalSeconds: true } });
  return rows.map((row) => ({ name: row.name, health: connectionHealth(row, now) }));
}
