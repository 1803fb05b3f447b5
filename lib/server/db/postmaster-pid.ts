import { readFile, rm } from "node:fs/promises";
import path from "node:path";

export type LivePostmaster = { pid: number; port: number };

/**
 * Looks at `postmaster.pid` left in a data directory. A server still running on it (e.g. orphaned when
 * the Node process that started it was killed) is returned so it can be reused; a file whose process is
 * gone, or whose PID now belongs to something else, is stale and removed so PostgreSQL can start.
 */
export async function inspectPostmasterPid(dataDir: string): Promise<LivePostmaster | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const text = await readFile(pidFile, "utf8").catch(() => null);
  if (text === null) return null;
  const [pidLine, dirLine, , portLine] = text.split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (Number.isInteger(pid) && pid > 0 && (await isPostgresFor(pid, dirLine ?? "", dataDir))) {
    return { pid, port };
  }
  await rm(pidFile, { force: true });
  return null;
}

async function isPostgresFor(pid: number, recordedDir: string, dataDir: string): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // PIDs are reused after a reboot; only a postgres process counts as the owner of the lock.
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  return cmdline.includes("postgres") && path.resolve(recordedDir) === path.resolve(dataDir);
}
