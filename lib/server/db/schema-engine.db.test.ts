import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, test } from "vitest";
import { applyMigrations, createMigration, MigrationFailedError, migrationStatus } from "@/lib/server/db/schema-engine";
import { createEmptyDatabase, queryRows } from "@/test/fresh-database";

// Hand-written migrations: what they create is known without asking the engine.
const M1 = { name: "20240101000000_hosts", sql: 'CREATE TABLE "Host" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL);\n' };
const M2 = { name: "20240102000000_host_os", sql: 'ALTER TABLE "Host" ADD COLUMN "os" TEXT;\n' };
const BROKEN = { name: "20240103000000_broken", sql: 'ALTER TABLE "NoSuchTable" ADD COLUMN "x" INT;\n' };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "lateral-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function writeMigrations(dir: string, migrations: { name: string; sql: string }[]): Promise<void> {
  for (const migration of migrations) {
    await mkdir(path.join(dir, migration.name), { recursive: true });
    await writeFile(path.join(dir, migration.name, "migration.sql"), migration.sql);
  }
}

async function emptyDatabase(): Promise<string> {
  const database = await createEmptyDatabase(inject("testServerUrl"));
  cleanups.push(database.drop);
  return database.url;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("applyMigrations", () => {
  test("applies every migration in order and records it the way prisma migrate deploy does", async () => {
    const dir = await tempDir();
    await writeMigrations(dir, [M2, M1]); // written out of order: names decide the order
    const url = await emptyDatabase();

    const result = await applyMigrations({ connectionString: url, migrationsDir: dir });

    expect(result.applied).toEqual([M1.name, M2.name]);
    const columns = await queryRows<{ column_name: string }>(
      url,
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'Host' ORDER BY column_name",
    );
    expect(columns.map((c) => c.column_name)).toEqual(["id", "name", "os"]);
    const rows = await queryRows<{ migration_name: string; checksum: string; finished: boolean; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count
         FROM _prisma_migrations ORDER BY started_at, migration_name`,
    );
    // Prisma's checksum is the SHA-256 of migration.sql; matching it keeps the native CLI happy.
    expect(rows).toEqual([
      { migration_name: M1.name, checksum: sha256(M1.sql), finished: true, applied_steps_count: 1 },
      { migration_name: M2.name, checksum: sha256(M2.sql), finished: true, applied_steps_count: 1 },
    ]);
  });

  test("a second run applies nothing and leaves the history alone", async () => {
    const dir = await tempDir();
    await writeMigrations(dir, [M1, M2]);
    const url = await emptyDatabase();
    await applyMigrations({ connectionString: url, migrationsDir: dir });

    const second = await applyMigrations({ connectionString: url, migrationsDir: dir });

    expect(second.applied).toEqual([]);
    const [{ count }] = await queryRows<{ count: string }>(url, "SELECT count(*) FROM _prisma_migrations");
    expect(Number(count)).toBe(2);
  });

  test("creates the database when it does not exist, like migrate deploy", async () => {
    const dir = await tempDir();
    await writeMigrations(dir, [M1]);
    const url = await emptyDatabase();
    const missing = url.replace(/lateral_test_/, "lateral_test_missing_");
    cleanups.push(() => dropDatabaseByUrl(missing));

    expect((await applyMigrations({ connectionString: missing, migrationsDir: dir })).applied).toEqual([M1.name]);
  });

  test("a missing migrations directory is an empty history", async () => {
    const url = await emptyDatabase();
    const result = await applyMigrations({ connectionString: url, migrationsDir: path.join(await tempDir(), "none") });
    expect(result.applied).toEqual([]);
    expect((await migrationStatus({ connectionString: url, migrationsDir: path.join(tmpdir(), "none-either") })).ok).toBe(true);
  });
});

describe("migrationStatus", () => {
  test.each([
    { title: "nothing applied yet", applyFirst: [] as (typeof M1)[], local: [M1, M2], pending: [M1.name, M2.name] },
    { title: "one of two applied", applyFirst: [M1], local: [M1, M2], pending: [M2.name] },
    { title: "all applied", applyFirst: [M1, M2], local: [M1, M2], pending: [] },
  ])("$title", async ({ applyFirst, local, pending }) => {
    const url = await emptyDatabase();
    const first = await tempDir();
    await writeMigrations(first, applyFirst);
    if (applyFirst.length > 0) await applyMigrations({ connectionString: url, migrationsDir: first });
    const dir = await tempDir();
    await writeMigrations(dir, local);

    const status = await migrationStatus({ connectionString: url, migrationsDir: dir });

    expect(status).toEqual({ pending, failed: [], edited: [], unknown: [], ok: pending.length === 0 });
  });

  test("reports a migration edited after it was applied, and one the directory lacks", async () => {
    const url = await emptyDatabase();
    const dir = await tempDir();
    await writeMigrations(dir, [M1, M2]);
    await applyMigrations({ connectionString: url, migrationsDir: dir });
    await writeFile(path.join(dir, M1.name, "migration.sql"), `${M1.sql}-- edited\n`);
    await rm(path.join(dir, M2.name), { recursive: true });

    const status = await migrationStatus({ connectionString: url, migrationsDir: dir });

    expect(status).toMatchObject({ edited: [M1.name], unknown: [M2.name], ok: false });
  });
});

describe("a failing migration", () => {
  test("is reported by name, recorded as failed, and blocks later applies", async () => {
    const url = await emptyDatabase();
    const dir = await tempDir();
    await writeMigrations(dir, [M1, BROKEN]);

    const error = await applyMigrations({ connectionString: url, migrationsDir: dir }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).migrationName).toBe(BROKEN.name);
    expect((error as Error).message).toContain(BROKEN.name);
    const status = await migrationStatus({ connectionString: url, migrationsDir: dir });
    expect(status).toMatchObject({ failed: [BROKEN.name], ok: false });
    const rows = await queryRows<{ migration_name: string; finished: boolean }>(
      url,
      "SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY started_at",
    );
    expect(rows).toEqual([
      { migration_name: M1.name, finished: true },
      { migration_name: BROKEN.name, finished: false },
    ]);
    // Like migrate deploy (P3009): nothing runs until the failure is resolved.
    await expect(applyMigrations({ connectionString: url, migrationsDir: dir })).rejects.toThrow();
  });
});

const SCHEMA_HOST = `datasource db {
  provider = "postgresql"
}

model Host {
  id   Int    @id @default(autoincrement())
  name String @unique
}
`;
const SCHEMA_HOST_AGENT = `${SCHEMA_HOST}
model Agent {
  id     Int    @id @default(autoincrement())
  serial String
}
`;

describe("createMigration", () => {
  test("writes the first migration, then only the added model, then nothing", async () => {
    const root = await tempDir();
    const migrationsDir = path.join(root, "migrations");
    const schemaPath = path.join(root, "schema.prisma");
    const server = inject("testServerUrl");
    await writeFile(schemaPath, SCHEMA_HOST);

    const first = await createMigration({
      connectionString: server,
      migrationsDir,
      schemaPath,
      name: "addHosts",
      now: new Date("2025-01-02T03:04:05Z"),
    });

    expect(first?.dir).toBe(path.join(migrationsDir, "20250102030405_add_hosts"));
    expect(first?.sql).toMatch(/CREATE TABLE "Host"/);
    expect(await readFile(path.join(first!.dir, "migration.sql"), "utf8")).toBe(first?.sql);
    expect(await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toMatch(/^provider = "postgresql"$/m);
    const none = await createMigration({ connectionString: server, migrationsDir, schemaPath, name: "again" });
    expect(none).toBeNull();
    expect(await readdir(migrationsDir)).toEqual(["20250102030405_add_hosts", "migration_lock.toml"]);

    await writeFile(schemaPath, SCHEMA_HOST_AGENT);
    const second = await createMigration({
      connectionString: server,
      migrationsDir,
      schemaPath,
      name: "add agents",
      now: new Date("2025-01-03T00:00:00Z"),
    });
    expect(second?.sql).toMatch(/CREATE TABLE "Agent"/);
    expect(second?.sql).not.toMatch(/"Host"/);

    // The generated history builds the schema's tables on a real database.
    const url = await emptyDatabase();
    const { applied } = await applyMigrations({ connectionString: url, migrationsDir });
    expect(applied).toEqual(["20250102030405_add_hosts", "20250103000000_add_agents"]);
    const tables = await queryRows<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(["Agent", "Host", "_prisma_migrations"]);
    // No shadow database is left behind on the server.
    const shadows = await queryRows(server, "SELECT 1 FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");
    expect(shadows).toEqual([]);
  });

  test("works without a configured database by starting a throwaway embedded PostgreSQL", async () => {
    const root = await tempDir();
    await writeFile(path.join(root, "schema.prisma"), SCHEMA_HOST);
    const created = await createMigration({
      migrationsDir: path.join(root, "migrations"),
      schemaPath: path.join(root, "schema.prisma"),
      name: "init",
    });
    expect(created?.sql).toMatch(/CREATE TABLE "Host"/);
    expect(path.basename(created!.dir)).toMatch(/^\d{14}_init$/);
  });
});

async function dropDatabaseByUrl(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await queryRows(inject("testServerUrl"), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
