// Shared orchestration for the HTTP benchmarks: a throwaway database, one analyst with an API token,
// the production build in its own dist folder (never .next), `next start` on a bench port, the worker,
// and a /proc sampler for peak RSS. Mirrors e2e/run.ts so the numbers are for the app users run.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIfStale } from "@/cli/build-if-stale";
import { projectRoot } from "@/cli/runtime-env";
import { applyMigrations } from "@/lib/server/db/schema-engine";
import { createTestDatabase, type TestDatabase } from "@/test/create-test-database";

export type BenchApp = {
  database: TestDatabase;
  baseUrl: string;
  dataDir: string;
  log: (line: string) => void;
  startServer(): Promise<ChildProcess>;
  startWorker(extraArgs?: string[]): ChildProcess;
  createAnalystToken(): Promise<string>;
  stop(): Promise<void>;
};

export function argText(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

export function argValue(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Sets the environment before any server module is imported (they read it once, at first use). */
export async function prepareBenchApp(label: string, port: number, options: { reuseUrl?: string; keep?: boolean } = {}): Promise<BenchApp> {
  process.env.NEXT_DIST_DIR ??= ".next-bench";
  const log = (line: string) => console.log(`[${label}] ${line}`);
  // --reuse measures a database kept by an earlier --keep run (seeding 1 M alerts takes minutes); never dropped.
  const database: TestDatabase = options.reuseUrl
    ? { url: options.reuseUrl, serverUrl: "", applied: [], drop: async () => {} }
    : await createTestDatabase();
  // A kept database may predate migrations added since; the app's health check refuses to start without them.
  if (options.reuseUrl) await applyMigrations({ connectionString: options.reuseUrl, migrationsDir: path.join(projectRoot, "prisma", "migrations") });
  const dataDir = await mkdtemp(path.join(tmpdir(), `lateral-${label}-`));
  const baseUrl = `http://127.0.0.1:${port}`;
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: "warn",
    LATERAL_DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const children: ChildProcess[] = [];
  const spawnNode = (args: string[]) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ["ignore", "inherit", "inherit"], env: process.env });
    children.push(child);
    return child;
  };
  return {
    database,
    baseUrl,
    dataDir,
    log,
    async startServer() {
      // --no-build reuses the last bench build while others keep editing sources (each rebuild is minutes).
      if (!process.argv.includes("--no-build")) await buildIfStale(log);
      const child = spawnNode([path.join(projectRoot, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)]);
      await waitForHealth(baseUrl);
      return child;
    },
    startWorker(extraArgs = []) {
      return spawnNode([...extraArgs, path.join(projectRoot, "bin", "lateral.mjs"), "worker"]);
    },
    async createAnalystToken() {
      const { createUser } = await import("@/lib/server/users/create-user");
      const { createApiToken } = await import("@/lib/server/auth/api-tokens");
      const user = await createUser({ email: `analyst-${randomBytes(4).toString("hex")}@${label}.bench.test`, password: randomBytes(12).toString("hex"), role: "analyst", name: "Bench analyst" });
      return (await createApiToken({ userId: user.id, name: label })).token;
    },
    async stop() {
      await Promise.all(children.map((child) => stopChild(child)));
      const { db } = await import("@/lib/server/db/client");
      await db.$disconnect();
      if (options.keep) log(`kept ${database.url} (measure again with --reuse <url>)`);
      else await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function waitForHealth(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`app did not become healthy on ${baseUrl}`);
}

/** Peak VmRSS of a process and its descendants (summed), polled every `everyMs`. */
export function sampleRss(pid: number, everyMs = 200) {
  let peakKb = 0;
  let lastKb = 0;
  const read = async () => {
    const kb = (await Promise.all((await processTree(pid)).map(rssKb))).reduce((a, b) => a + b, 0);
    lastKb = kb;
    if (kb > peakKb) peakKb = kb;
  };
  const timer = setInterval(() => void read(), everyMs);
  void read();
  return {
    get peakMb() { return peakKb / 1024; },
    get lastMb() { return lastKb / 1024; },
    resetPeak() { peakKb = lastKb; },
    stop() { clearInterval(timer); },
  };
}

async function processTree(pid: number): Promise<number[]> {
  const children = (await readFile(`/proc/${pid}/task/${pid}/children`, "utf8").catch(() => ""))
    .split(" ").filter(Boolean).map(Number);
  return [pid, ...(await Promise.all(children.map(processTree))).flat()];
}

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

/** CPU seconds (user + system) a set of processes has used so far; vanished processes count as 0. */
export async function cpuSeconds(pids: number[]): Promise<Map<number, number>> {
  const entries = await Promise.all(pids.map(async (pid) => {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return [pid, (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100] as const;
  }));
  return new Map(entries);
}

/** CPU used between two samples, summed (processes that appeared in between count from zero). */
export function cpuUsed(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** The PostgreSQL backends serving a database (the app's pools), excluding the asking connection. */
export async function backendPids(client: { query: (sql: string) => Promise<{ rows: { pid: number }[] }> }): Promise<number[]> {
  const result = await client.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
  return result.rows.map((row) => row.pid);
}

export async function treePids(pid: number): Promise<number[]> {
  return processTree(pid);
}
