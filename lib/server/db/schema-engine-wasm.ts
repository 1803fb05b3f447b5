import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let loading: Promise<SchemaEngineModule> | undefined;

/**
 * Loads Prisma's schema engine compiled to WebAssembly, once per process. The package's own entry
 * imports the `.wasm` as an ES module, which Node cannot do, so we instantiate it by hand.
 */
export function loadSchemaEngine(): Promise<SchemaEngineModule> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined; // let a later call retry instead of caching the failure forever
    throw error;
  });
  return loading;
}

async function instantiate(): Promise<SchemaEngineModule> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  // Left to Node at runtime (bundlers must not inline the engine into a Next.js server chunk).
  const glue = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(gluePath).href)) as SchemaEngineModule;
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const imports = { "./schema_engine_bg.js": withUnrefTimers(glue as unknown as WebAssembly.ModuleImports) };
  const { instance } = await WebAssembly.instantiate(bytes, imports);
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  installPanicRegistry();
  return glue;
}

/**
 * The engine races its advisory lock against a 10 s timer that it never clears, which kept every
 * `applyMigrations` caller alive for 10 s. Unref'd timers still fire; the open pg pool keeps the
 * process alive while an engine call is actually running.
 */
function withUnrefTimers(glue: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const patched: WebAssembly.ModuleImports = { ...glue };
  for (const [name, value] of Object.entries(glue)) {
    if (!name.startsWith("__wbg_setTimeout_") || typeof value !== "function") continue;
    patched[name] = (...args: unknown[]) => {
      const timer = (value as (...a: unknown[]) => unknown)(...args);
      (timer as { unref?: () => void } | undefined)?.unref?.();
      return timer;
    };
  }
  return patched;
}

/** The engine reports Rust panics through this global; without it a panic is a bare "unreachable". */
function installPanicRegistry(): void {
  const scope = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  scope.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      lastPanic = message;
      loading = undefined; // no engine call is safe after a panic: the next one gets a fresh instance
    },
  };
}

let lastPanic: string | undefined;

/** The message of the most recent engine panic, if any (for error reports). */
export function lastEnginePanic(): string | undefined {
  return lastPanic;
}
