// Reading a cluster (issue 8): the same synthetic events in a fake Elasticsearch, read by a pull
// connection (PIT + search_after, every document through Lateral's engine) and by a push-down one
// (the cluster's _eql/search returns only the matches, then their context). One run each, side by side.
// Run: npx tsx bench/connections.ts [--events 100000]
// The fake runs in its own process (its in-memory search is slow and its EQL is Lateral's own engine),
// so wall time is mostly the fake's: the figures that matter are the connector's own CPU per document
// (this process: paging, mapping, detection, evidence) and what crosses the wire.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { argValue } from "@/bench/bench-app";
import { generateEvents } from "@/bench/generate-events";
import { createTestDatabase } from "@/test/create-test-database";

const EVENTS = argValue("events", 100_000);
const database = await createTestDatabase();
Object.assign(process.env, { DATABASE_URL: database.url, BETTER_AUTH_SECRET: randomBytes(32).toString("hex"), LATERAL_SECRETS_KEY: randomBytes(32).toString("hex"), LOG_LEVEL: "warn" });
const { db } = await import("@/lib/server/db/client");
const { createConnection } = await import("@/lib/server/connections/save-connection");
const { runConnection } = await import("@/lib/server/connections/run-connection");
const dir = await mkdtemp(path.join(tmpdir(), "lateral-bench-conn-"));
const file = path.join(dir, "events.ndjson");
const planted = await generateEvents(file, EVENTS, 10_000);
const port = 9300 + Math.floor(Math.random() * 500);
const fakeProcess = spawn(process.execPath, ["--import", "tsx", "test/fake-elasticsearch/cli.ts", "--port", String(port), "--shards", "2", "--load", `logs-endpoint.events.process-default=${file}`], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise<void>((resolve, reject) => {
  fakeProcess.stdout.on("data", (chunk: Buffer) => { if (chunk.toString().includes("listening")) resolve(); });
  fakeProcess.once("exit", (code) => reject(new Error(`the fake exited (${code})`)));
});
const fake = { url: `http://127.0.0.1:${port}` };
try {
  const lines = (await readFile(file, "utf8")).trim().split("\n");
  const first = Date.parse(String((JSON.parse(lines[0]) as Record<string, unknown>)["@timestamp"]));
  const last = Date.parse(String((JSON.parse(lines.at(-1)!) as Record<string, unknown>)["@timestamp"]));
  console.log(`${EVENTS.toLocaleString("en")} events over ${((last - first) / 1000).toFixed(0)} s in the fake, ${planted} PsExec sequences planted`);
  const rows = [];
  for (const mode of ["pull", "push_down"] as const) {
    await db.alert.deleteMany();
    await db.event.deleteMany();
    const connection = await createConnection({
      name: `bench-${mode}`, urls: [fake.url], auth: { kind: "none" }, verifyTls: true, indexPatterns: ["logs-*"],
      // One window holds everything: a lookback as long as the data.
      intervalSeconds: 300, lookbackSeconds: Math.max(540, Math.ceil((last - first) / 1000) + 120), mode, ruleIds: [], enabled: false,
    });
    const rssBefore = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const t0 = performance.now();
    const outcome = await runConnection(connection.id, { now: () => new Date(last + 60_000) });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const run = await db.connectionRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    if (outcome.outcome !== "succeeded") throw new Error(`${mode}: ${outcome.outcome} ${outcome.error ?? ""}`);
    rows.push({
      mode, "wall s": seconds.toFixed(1), "docs read": run.eventsRead, alerts: run.alertsFound, "evidence kept": run.eventsStored,
      "connector CPU s": (cpuMs / 1000).toFixed(2), "µs CPU/doc": run.eventsRead ? Math.round((cpuMs * 1000) / run.eventsRead) : "-",
      "connector docs/s/core": run.eventsRead ? Math.round(run.eventsRead / (cpuMs / 1000)) : "-", "RSS +MB": Math.round((process.memoryUsage().rss - rssBefore) / 1e6),
    });
  }
  console.table(rows);
  console.log(`push-down / pull connector CPU: ${(Number(rows[1]["connector CPU s"]) / Number(rows[0]["connector CPU s"])).toFixed(2)}; documents over the wire: ${rows[1]["docs read"]} vs ${rows[0]["docs read"]}`);
} finally {
  fakeProcess.kill();
  await db.$disconnect();
  await database.drop();
  await rm(dir, { recursive: true, force: true });
}
