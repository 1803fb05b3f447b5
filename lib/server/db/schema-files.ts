import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { SchemaContainer } from "@prisma/schema-engine-wasm/schema_engine_bg";

/**
 * Reads a Prisma schema given as one file or as a folder of `.prisma` files (multi-file schemas,
 * searched recursively like the Prisma CLI does).
 */
export async function readSchemaFiles(schemaPath: string): Promise<SchemaContainer[]> {
  const resolved = path.resolve(schemaPath);
  if (!(await stat(resolved)).isDirectory()) {
    return [{ path: resolved, content: await readFile(resolved, "utf8") }];
  }
  const entries = await readdir(resolved, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".prisma"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  if (files.length === 0) throw new Error(`No .prisma files in ${resolved}`);
  return Promise.all(files.map(async (file) => ({ path: file, content: await readFile(file, "utf8") })));
}
