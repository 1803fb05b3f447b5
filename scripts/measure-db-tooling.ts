// `npx tsx scripts/measure-db-tooling.ts [runs]`: times embedded PostgreSQL (first-run init, later
// starts, stop) and the wasm migration engine (load, apply prisma/migrations, status). Prints medians in ms.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded";
import { withDatabase } from "@/lib/server/db/pg-config";
import { applyMigrations, migrationStatus } from "@/lib/server/db/schema-engine";
import { loadSchemaEngine } from "@/lib/server/db/schema-engine-wasm";

const runs = Number(process.argv[2] ?? 3);
const migrationsDir = path.resolve("prisma/migrations");
const samples: Record<string, number[]> = {};
const record = (name: string, ms: number) => (samples[name] ??= []).push(ms);
async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const began = performance.now();
  const result = await work();
  record(name, performance.now() - began);
  return result;
}

await timed("wasm engine load (once per process)", () => loadSchemaEngine());
for (let run = 0; run < runs; run++) {
  const home = await mkdtemp(path.join(tmpdir(), "lateral-measure-"));
  await chmod(home, 0o755);
  const dataDir = path.join(home, "pg");
  const first = await startEmbeddedPostgres({ dataDir, port: 0 });
  record("embedded initdb (first run)", first.timings.initMs ?? NaN);
  record("embedded start (first run)", first.timings.startMs);
  await timed("embedded stop", () => first.stop());
  const again = await startEmbeddedPostgres({ dataDir, port: 0 });
  record("embedded start (initialised)", again.timings.startMs);
  const url = withDatabase(again.connectionString, `measure_${run}`);
  await timed("applyMigrations prisma/migrations (creates db)", () => applyMigrations({ connectionString: url, migrationsDir }));
  await timed("applyMigrations again (no-op)", () => applyMigrations({ connectionString: url, migrationsDir }));
  await timed("migrationStatus", () => migrationStatus({ connectionString: url, migrationsDir }));
  await again.stop();
  await rm(home, { recursive: true, force: true });
}

for (const [name, values] of Object.entries(samples)) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`${name.padEnd(48)} median ${median.toFixed(0).padStart(6)} ms  (n=${values.length}, min ${sorted[0].toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)})`);
}
process.exit(0);
