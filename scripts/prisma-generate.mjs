// `postinstall`: `prisma generate` without downloading Prisma's native schema engine. The CLI fetches
// that binary before every command and its host is unreachable here; generate never runs it, so any
// existing executable satisfies the check (see shared/docs/environment.md, "Prisma 7 here").
// Usage: node scripts/prisma-generate.mjs [--schema <path>] [other `prisma generate` flags]
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const schemaIndex = args.indexOf("--schema");
const schema = path.resolve(root, schemaIndex >= 0 ? args[schemaIndex + 1] ?? "" : "prisma/schema.prisma");

if (!existsSync(schema)) {
  console.log(`prisma-generate: ${path.relative(root, schema) || schema} does not exist yet; nothing to generate.`);
  process.exit(0);
}

let cli;
try {
  cli = path.join(path.dirname(createRequire(import.meta.url).resolve("prisma/package.json")), "build/index.js");
} catch {
  // `npm ci --omit=dev` has no Prisma CLI; the client must then come from the build, not from here.
  console.warn("prisma-generate: the prisma CLI is not installed (dev dependency); skipping generate.");
  process.exit(0);
}

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: executableOr(process.env.PRISMA_SCHEMA_ENGINE_BINARY, process.execPath),
  CHECKPOINT_DISABLE: "1", // the update check also calls a host we cannot reach
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const passThrough = schemaIndex >= 0 ? args : ["--schema", schema, ...args];
const result = spawnSync(process.execPath, [cli, "generate", ...passThrough], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);

function executableOr(candidate, fallback) {
  if (!candidate) return fallback;
  try {
    accessSync(candidate, constants.X_OK);
    return candidate;
  } catch {
    return fallback;
  }
}
