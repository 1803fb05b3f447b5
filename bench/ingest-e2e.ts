// End-to-end ingest (issue 4, "How fast"): a synthetic Sysmon ECS NDJSON file POSTed to /api/uploads,
// processed by ONE worker, from POST to all alerts stored. Target ≥ 50 000 events/s; RSS flat as input grows.
// Run: npx tsx bench/ingest-e2e.ts [--events 1000000] [--port 3310] [--profile] [--no-build]
// Without --events it runs 100 000 then 1 000 000. --profile starts the worker with --cpu-prof and prints
// its top self-time functions and files. The tables are emptied between sizes: the generator is
// deterministic, so the small file's events are the big file's first events and would be deduplicated.
import type { ChildProcess } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import pg from "pg";
import { argText, argValue, backendPids, cpuSeconds, cpuUsed, prepareBenchApp, sampleRss, treePids } from "@/bench/bench-app";
import { summarizeCpuProfile } from "@/bench/cpu-profile-summary";
import { generateEvents } from "@/bench/generate-events";

type UploadState = { id: string; status: string; eventsParsed: number; eventsStored: number; alertsFound: number; rejected: number; error: string | null; startedAt: string | null; finishedAt: string | null; alerts?: { priority: string }[] };

const SIZES = argText("events") ? [argValue("events", 1_000_000)] : [100_000, 1_000_000];
const PORT = argValue("port", 3310);
const PROFILE = process.argv.includes("--profile");
const TARGET = 50_000;

const app = await prepareBenchApp("ingest-e2e", PORT);
const client = new pg.Client({ connectionString: app.database.url });
await client.connect();
const results: Record<string, unknown>[] = [];
try {
  const token = await app.createAnalystToken();
  const server = await app.startServer();
  const serverRss = sampleRss(server.pid!);
  for (const events of SIZES) {
    await client.query("TRUNCATE event, alert_history, alert, upload, job CASCADE");
    const file = path.join(app.dataDir, `sysmon-ecs-${events}.ndjson`);
    const t0 = performance.now();
    const planted = await generateEvents(file, events);
    const bytes = (await stat(file)).size;
    app.log(`${events.toLocaleString("en")} events: ${(bytes / 1e6).toFixed(0)} MB written in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${planted} PsExec runs planted`);

    const profileDir = path.resolve("bench/out/prof", String(events));
    if (PROFILE) await rm(profileDir, { recursive: true, force: true });
    const worker = app.startWorker(PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
    const workerRss = sampleRss(worker.pid!);
    await waitUntilIdle(worker.pid!); // the worker's tsx start-up (compiling the server code) is not ingest time
    serverRss.resetPeak();
    const idle = { server: serverRss.lastMb, worker: workerRss.lastMb };

    // CPU time is measured too: on a shared machine wall time depends on the neighbours, CPU time less so.
    const cpuPids = async () => ({ worker: [worker.pid!], server: await treePids(server.pid!), postgres: await backendPids(client) });
    const before = await cpuPids();
    const cpu0 = { worker: await cpuSeconds(before.worker), server: await cpuSeconds(before.server), postgres: await cpuSeconds(before.postgres) };
    const posted = performance.now();
    const response = await fetch(`${app.baseUrl}/api/uploads`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "x-file-name": path.basename(file), "content-type": "application/octet-stream" },
      body: Readable.toWeb(createReadStream(file, { highWaterMark: 1 << 20 })) as ReadableStream,
      duplex: "half",
    } as RequestInit);
    if (response.status !== 202) throw new Error(`POST /api/uploads: HTTP ${response.status} ${await response.text()}`);
    const uploaded = performance.now();
    const { id } = (await response.json()) as UploadState;
    const serverPeakUpload = serverRss.peakMb;
    const { state, timeline } = await pollUntilDone(token, id);
    const done = performance.now();
    const after = await cpuPids();
    const cpu = {
      worker: cpuUsed(cpu0.worker, await cpuSeconds(after.worker)),
      server: cpuUsed(cpu0.server, await cpuSeconds(after.server)),
      postgres: cpuUsed(cpu0.postgres, await cpuSeconds(after.postgres)),
    };
    workerRss.stop();
    const workerPeak = workerRss.peakMb;
    await stopWorker(worker);
    if (state.status !== "done") throw new Error(`upload ${id} ${state.status}: ${state.error}`);

    const seconds = (done - posted) / 1000;
    const processing = state.startedAt && state.finishedAt ? (Date.parse(state.finishedAt) - Date.parse(state.startedAt)) / 1000 : NaN;
    const parsedAt = timeline.find((point) => point.parsed >= events)?.at;
    const result = {
      events,
      megabytes: Math.round(bytes / 1e6),
      uploadSeconds: round((uploaded - posted) / 1000),
      processingSeconds: round(processing),
      parseAndStoreSeconds: parsedAt === undefined ? null : round((parsedAt - uploaded) / 1000),
      totalSeconds: round(seconds),
      eventsPerSecond: Math.round(events / seconds),
      cpuSeconds: { worker: round(cpu.worker), server: round(cpu.server), postgres: round(cpu.postgres) },
      // What two idle cores would give: the worker parses while PostgreSQL inserts only if they overlap.
      cpuBoundEventsPerSecond: { sequential: Math.round(events / (cpu.worker + cpu.postgres)), overlapped: Math.round(events / Math.max(cpu.worker, cpu.postgres)) },
      loadAverage: loadavg().map((n) => round(n)),
      eventsStored: state.eventsStored,
      rejected: state.rejected,
      alertsFound: state.alertsFound,
      alertsPlanted: planted,
      alertPriorities: countBy((state.alerts ?? []).map((alert) => alert.priority)),
      serverIdleRssMb: Math.round(idle.server),
      serverPeakRssMbDuringUpload: Math.round(serverPeakUpload),
      serverPeakRssMb: Math.round(serverRss.peakMb),
      workerIdleRssMb: Math.round(idle.worker),
      workerPeakRssMb: Math.round(workerPeak),
    };
    results.push(result);
    console.log(JSON.stringify(result, null, 2));
    await rm(file, { force: true });
    if (PROFILE) {
      const profiles = (await readdir(profileDir).catch(() => [])).filter((name) => name.endsWith(".cpuprofile"));
      for (const name of profiles) console.log(await summarizeCpuProfile(path.join(profileDir, name)));
    }
  }
  serverRss.stop();
  console.log(`\n${"events".padStart(10)} ${"MB".padStart(6)} ${"upload s".padStart(9)} ${"process s".padStart(10)} ${"total s".padStart(8)} ${"events/s".padStart(9)} ${"alerts".padStart(9)} ${"server MB".padStart(10)} ${"worker MB".padStart(10)}`);
  for (const r of results as Record<string, number>[]) {
    console.log(`${String(r.events).padStart(10)} ${String(r.megabytes).padStart(6)} ${String(r.uploadSeconds).padStart(9)} ${String(r.processingSeconds).padStart(10)} ${String(r.totalSeconds).padStart(8)} ${String(r.eventsPerSecond).padStart(9)} ${`${r.alertsFound}/${r.alertsPlanted}`.padStart(9)} ${String(r.serverPeakRssMb).padStart(10)} ${String(r.workerPeakRssMb).padStart(10)}  ${r.eventsPerSecond >= TARGET ? "ok" : `MISSED (< ${TARGET} events/s)`}`);
  }
  await mkdir("bench/out", { recursive: true });
  await writeFile("bench/out/ingest-e2e.json", JSON.stringify({ targetEventsPerSecond: TARGET, results, at: new Date().toISOString() }, null, 2));
} finally {
  await client.end();
  await app.stop();
}

async function pollUntilDone(token: string, id: string) {
  const timeline: { at: number; parsed: number }[] = [];
  let lastLog = 0;
  for (;;) {
    const response = await fetch(`${app.baseUrl}/api/uploads/${id}`, { headers: { authorization: `Bearer ${token}` } });
    const state = (await response.json()) as UploadState;
    timeline.push({ at: performance.now(), parsed: state.eventsParsed });
    if (state.status === "done" || state.status === "failed") return { state, timeline };
    if (performance.now() - lastLog > 10_000) {
      app.log(`  ${state.status}: ${state.eventsParsed.toLocaleString("en")} parsed, ${state.eventsStored.toLocaleString("en")} stored`);
      lastLog = performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Until the process uses (almost) no CPU for half a second: on a loaded machine start-up takes well over 3 s. */
async function waitUntilIdle(pid: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  let last = (await cpuSeconds([pid])).get(pid) ?? 0;
  for (let i = 0; i < 120; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = (await cpuSeconds([pid])).get(pid) ?? 0;
    if (now - last < 0.03) return;
    last = now;
  }
}

function stopWorker(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once("exit", () => resolve());
    worker.kill("SIGTERM");
  });
}

function countBy(values: string[]): Record<string, number> {
  return values.reduce<Record<string, number>>((acc, value) => ({ ...acc, [value]: (acc[value] ?? 0) + 1 }), {});
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
