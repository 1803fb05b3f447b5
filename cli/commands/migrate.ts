import path from "node:path";
import type { Command } from "commander";
import { prepareRuntimeEnv, projectRoot } from "@/cli/runtime-env";
import { ensureDatabase } from "@/lib/server/db/ensure-database";
import { applyMigrations } from "@/lib/server/db/schema-engine";

export const migrationsDir = path.join(projectRoot, "prisma", "migrations");

/** Creates the database if needed and applies pending migrations (same bookkeeping as `prisma migrate deploy`). */
export async function migrateDatabase(log: (line: string) => void): Promise<string[]> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  await ensureDatabase(connectionString);
  const { applied } = await applyMigrations({ connectionString, migrationsDir, schemaPath: path.join(projectRoot, "prisma", "schema.prisma") });
  log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date");
  return applied;
}

export function register(program: Command): void {
  program
    .command("migrate")
    .description("apply pending database migrations (embedded PostgreSQL when DATABASE_URL is unset)")
    .action(async () => {
      const { embedded } = await prepareRuntimeEnv({ log: (line) => console.error(line) });
      try {
        await migrateDatabase((line) => console.log(line));
      } finally {
        await embedded?.stop();
      }
    });
}
