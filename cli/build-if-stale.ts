import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "@/cli/runtime-env";

const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const distDir = () => path.join(projectRoot, process.env.NEXT_DIST_DIR ?? ".next");

/** `npm start` builds only when the sources changed since the last build, so restarts stay fast. */
export async function buildIfStale(log: (line: string) => void): Promise<void> {
  const hash = await hashSources();
  const stamp = path.join(distDir(), "lateral-source-hash");
  const previous = await readFile(stamp, "utf8").catch(() => "");
  if (previous === hash) return;
  log("Building the web app (next build)…");
  const started = Date.now();
  await run(process.execPath, [path.join(projectRoot, "node_modules", "next", "dist", "bin", "next"), "build"]);
  await writeFile(stamp, hash);
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function hashSources(): Promise<string> {
  const hash = createHash("sha256");
  for (const entry of SOURCES) await hashPath(path.join(projectRoot, entry), hash);
  return hash.digest("hex");
}

async function hashPath(file: string, hash: ReturnType<typeof createHash>): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info) return;
  if (info.isDirectory()) {
    if (file.endsWith(`${path.sep}generated`)) return;
    const entries = (await readdir(file)).sort();
    for (const entry of entries) await hashPath(path.join(file, entry), hash);
    return;
  }
  hash.update(`${path.relative(projectRoot, file)}\0${info.size}\0${info.mtimeMs}\n`);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: "inherit", env: process.env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code}`))));
    child.on("error", reject);
  });
}
