import { spawn } from "node:child_process";
import { access, chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded";
import { isPortFree } from "@/lib/server/db/free-port";

const homes: string[] = [];
async function clusterDir(): Promise<string> {
  const home = await mkdtemp(path.join(tmpdir(), "lateral-embedded-"));
  await chmod(home, 0o755); // as root, PostgreSQL runs as the postgres user
  homes.push(home);
  return path.join(home, "pg");
}
afterAll(async () => {
  for (const home of homes) await rm(home, { recursive: true, force: true });
});

async function sql(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

const exists = (file: string) => access(file).then(() => true, () => false);

describe("startEmbeddedPostgres", () => {
  test("initialises on first run only and keeps its data", async () => {
    const dataDir = await clusterDir();
    const first = await startEmbeddedPostgres({ dataDir, port: 0 });
    expect(first.timings.initMs).toBeGreaterThan(0);
    expect(await sql(first.connectionString, "SHOW server_version_num")).toEqual([{ server_version_num: expect.stringMatching(/^18/) }]);
    await sql(first.connectionString, "CREATE TABLE kept (id int)");
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, port: 0 });
    expect(second.timings.initMs).toBeNull();
    expect(await sql(second.connectionString, "SELECT to_regclass('kept') IS NOT NULL AS kept")).toEqual([{ kept: true }]);
    await second.stop();
    expect(await exists(path.join(dataDir, "postmaster.pid"))).toBe(false);
  });

  describe("on an initialised cluster", () => {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await clusterDir();
      await (await startEmbeddedPostgres({ dataDir, port: 0 })).stop();
    });

    test("uses another port when the preferred one is busy", async () => {
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
      const busy = (blocker.address() as net.AddressInfo).port;
      try {
        const server = await startEmbeddedPostgres({ dataDir, port: busy });
        expect(server.port).not.toBe(busy);
        expect(await sql(server.connectionString, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
        await server.stop();
      } finally {
        blocker.close();
      }
    });

    test.each([
      ["a process that no longer exists", "999999"],
      ["a live process that is not PostgreSQL", String(process.pid)],
    ])("starts despite a stale postmaster.pid naming %s", async (_title, pid) => {
      const pidFile = path.join(dataDir, "postmaster.pid");
      await writeFile(pidFile, `${pid}\n${dataDir}\n0\n5432\n\n127.0.0.1\n0 0\nready   \n`);
      const server = await startEmbeddedPostgres({ dataDir, port: 0 });
      expect(server.reused).toBe(false);
      expect(await sql(server.connectionString, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
      await server.stop();
    });

    test("SIGTERM to the owning process stops the server cleanly", async () => {
      const child = await startChild(dataDir);
      child.process.kill("SIGTERM");
      await new Promise((resolve) => child.process.once("exit", resolve));
      expect(await exists(path.join(dataDir, "postmaster.pid"))).toBe(false);
      expect(await isPortFree(child.port)).toBe(true);
    });

    test("after a hard kill, the orphaned server is reused rather than fought over", async () => {
      const child = await startChild(dataDir);
      child.process.kill("SIGKILL");
      await new Promise((resolve) => child.process.once("exit", resolve));
      const orphanPid = Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);

      const server = await startEmbeddedPostgres({ dataDir, port: 0 });
      try {
        expect(server).toMatchObject({ reused: true, port: child.port });
        expect(await sql(server.connectionString, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
      } finally {
        process.kill(orphanPid, "SIGINT"); // the orphan is ours to clean up: fast shutdown
        while (await exists(path.join(dataDir, "postmaster.pid"))) await new Promise((r) => setTimeout(r, 100));
      }
    });
  });
});

async function startChild(dataDir: string) {
  const fixture = path.resolve(import.meta.dirname, "../../../test/fixtures/start-embedded.ts");
  const child = spawn(process.execPath, ["--import", "tsx", fixture, dataDir, "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await new Promise<string[]>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`fixture exited with ${code}`)));
    createInterface({ input: child.stdout }).once("line", (l) => resolve([l]));
  });
  const { port } = JSON.parse(line) as { port: number };
  return { process: child, port };
}
