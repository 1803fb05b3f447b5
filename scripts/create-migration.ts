// `npx tsx scripts/create-migration.ts <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// for the changes in prisma/schema.prisma (like `prisma migrate dev --create-only`), without Prisma's
// native engine. The shadow database goes on DATABASE_URL's server (or --url); with neither, on a
// throwaway embedded PostgreSQL.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createMigration } from "@/lib/server/db/schema-engine";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    schema: { type: "string", default: path.join(root, "prisma/schema.prisma") },
    migrations: { type: "string", default: path.join(root, "prisma/migrations") },
    url: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help || positionals.length !== 1) {
  console.log("Usage: create-migration <name> [--schema prisma/schema.prisma] [--migrations prisma/migrations] [--url postgres://…]");
  process.exit(values.help ? 0 : 2);
}

const connectionString = values.url ?? process.env.DATABASE_URL;
console.log(connectionString ? "Shadow database on the configured server." : "No DATABASE_URL: using a throwaway embedded PostgreSQL.");
try {
  const created = await createMigration({
    connectionString,
    migrationsDir: path.resolve(values.migrations),
    schemaPath: path.resolve(values.schema),
    name: positionals[0],
  });
  console.log(created ? `Created ${path.relative(process.cwd(), created.dir)}/migration.sql` : "Schema unchanged: no migration created.");
  process.exit(0); // the engine may leave timers behind; this is a one-shot command
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
