// Browser tier orchestration: throwaway database → migrate → seed one user per role → build if stale →
// start the app (and worker) on port 3100 → Playwright → stop everything and drop the database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildIfStale } from "@/cli/build-if-stale";
import { migrateDatabase } from "@/cli/commands/migrate";
import { projectRoot } from "@/cli/runtime-env";
import { createTestDatabase } from "@/test/create-test-database";
import { roles } from "@/lib/roles";

const port = process.env.E2E_PORT ?? "3100";
const baseUrl = `http://localhost:${port}`;
const log = (line: string) => console.log(`[e2e] ${line}`);

const database = await createTestDatabase();
const children: ChildProcess[] = [];
let exitCode: number;
try {
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
    LATERAL_SECRETS_KEY: randomBytes(32).toString("hex"),
    PORT: port,
    PUBLIC_URL: baseUrl,
    E2E_BASE_URL: baseUrl,
    LOG_LEVEL: "warn",
    LATERAL_SIGNIN_RATE_LIMIT: "40",
  });
  await migrateDatabase(log);
  await seedUsers();
  await buildIfStale(log);
  children.push(start([path.join(projectRoot, "node_modules", "next", "dist", "bin", "next"), "start", "-p", port]));
  if (await hasWorker()) children.push(start([path.join(projectRoot, "bin", "lateral.mjs"), "worker"]));
  await waitForHealth();
  exitCode = await run(process.execPath, [path.join(projectRoot, "node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)]);
} finally {
  for (const child of children) child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  const { db } = await import("@/lib/server/db/client");
  await db.$disconnect();
  await database.drop();
}
process.exit(exitCode);

async function seedUsers() {
  const { createUser } = await import("@/lib/server/users/create-user");
  const users: Record<string, { email: string; password: string }> = {};
  for (const role of roles) {
    const user = { email: `${role}@e2e.test`, password: randomBytes(12).toString("hex") };
    await createUser({ ...user, role, name: `E2E ${role}` });
    users[role] = user;
  }
  await mkdir(path.join(projectRoot, "e2e", ".auth"), { recursive: true });
  await writeFile(path.join(projectRoot, "e2e", ".auth", "users.json"), JSON.stringify(users, null, 2));
}

async function hasWorker(): Promise<boolean> {
  return existsSync(path.join(projectRoot, "cli", "commands", "worker.ts"));
}

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, args, { cwd: projectRoot, stdio: "inherit", env: process.env });
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => spawn(command, args, { cwd: projectRoot, stdio: "inherit", env: process.env }).on("exit", (code) => resolve(code ?? 1)));
}

async function waitForHealth() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`app did not become healthy on ${baseUrl}`);
}
