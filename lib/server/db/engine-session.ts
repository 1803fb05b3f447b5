import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaContainer, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { createCharAwarePool } from "@/lib/server/db/pg-char-columns";
import { toPgConfig } from "@/lib/server/db/pg-config";
import { shadowAwarePg } from "@/lib/server/db/shadow-aware-pg";
import { lastEnginePanic, loadSchemaEngine } from "@/lib/server/db/schema-engine-wasm";

/** One JSON line per engine log event (tracing output); useful with `DEBUG`-style flags. */
export type EngineLogger = (line: string) => void;

export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * Runs `work` with a schema engine connected to `connectionString`, then releases the engine and its
 * pool. We own the pg pool (the adapter only borrows it) so a finished command does not keep the
 * process alive for pg's idle timeout.
 */
export async function withSchemaEngine<T>(
  options: { connectionString: string; schemaFiles?: SchemaContainer[]; onLog?: EngineLogger },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine: Engine } = await loadSchemaEngine();
  const config = toPgConfig(options.connectionString);
  const pool = createCharAwarePool({ ...config, max: 2 });
  let engine: SchemaEngine | undefined;
  try {
    const datamodels = options.schemaFiles?.map((file): [string, string] => [file.path, file.content]);
    const adapter = bindMigrationAwareSqlAdapterFactory(shadowAwarePg(pool, config));
    engine = await Engine.new({ datamodels }, options.onLog ?? (() => {}), adapter);
    return await work(engine);
  } catch (error) {
    throw withPanicMessage(error);
  } finally {
    engine?.free();
    await pool.end();
  }
}

function withPanicMessage(error: unknown): unknown {
  const panic = lastEnginePanic();
  if (error instanceof WebAssembly.RuntimeError && panic) {
    return new Error(`Schema engine panicked: ${panic}`, { cause: error });
  }
  return error;
}
