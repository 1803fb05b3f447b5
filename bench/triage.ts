// The triage API under load with 1 M alerts (issue 5, "How fast": p95 < 100 ms at 10 concurrent clients).
// Run: npx tsx bench/triage.ts [--alerts 1000000] [--seconds 10] [--port 3300] [--keep] [--reuse <database url>] [--indexes] [--no-build]
// Seeds a throwaway database in SQL, starts the production build (NEXT_DIST_DIR=.next-bench) and hammers
// the queue's first page, filtered pages, page 500 via the keyset cursor and the alert page's API with a
// Bearer token. Every query Prisma sends for those requests is then EXPLAIN (ANALYZE, BUFFERS)-ed into
// bench/out/triage-explain.txt so a missed target comes with its plan.
import { mkdir, writeFile } from "node:fs/promises";
import pg from "pg";
import { argText, argValue, backendPids, cpuSeconds, cpuUsed, prepareBenchApp, treePids } from "@/bench/bench-app";
import { explainCaptured, installQueryCapture } from "@/bench/triage-explain";
import { formatTable, probe, runLoad, type LoadResult } from "@/bench/http-load";
import { HOSTS, seedTriage } from "@/bench/triage-seed";

const ALERTS = argValue("alerts", 1_000_000);
const SECONDS = argValue("seconds", 10);
const PORT = argValue("port", 3300);
const REUSE = argText("reuse");
const TARGET_MS = 100;

/**
 * Indexes proposed for a migration; --indexes creates them before measuring (see the report). Empty: the
 * earlier proposals (short host name on event; the counts) are in migration 20261128140000_triage_speed.
 */
export const PROPOSED_INDEXES: string[] = [];

const app = await prepareBenchApp("triage", PORT, { reuseUrl: REUSE, keep: process.argv.includes("--keep") });
installQueryCapture(app.database.url);
const client = new pg.Client({ connectionString: app.database.url });
await client.connect();
try {
  if (!REUSE) {
    app.log(`seeding ${ALERTS.toLocaleString("en")} alerts…`);
    const t0 = performance.now();
    await seedTriage(client, ALERTS, app.log);
    app.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const sizes = await client.query(`SELECT (SELECT count(*) FROM alert) AS alerts, (SELECT count(*) FROM alert_history) AS history,
    (SELECT count(*) FROM event) AS events, pg_size_pretty(pg_database_size(current_database())) AS size`);
  app.log(`database: ${JSON.stringify(sizes.rows[0])}`);
  if (process.argv.includes("--indexes")) {
    for (const sql of PROPOSED_INDEXES) await client.query(sql);
    await client.query("VACUUM ANALYZE alert");
    await client.query("VACUUM ANALYZE event");
    app.log(`created the proposed indexes:\n  ${PROPOSED_INDEXES.join(";\n  ")}`);
  }
  const token = await app.createAnalystToken();
  const server = await app.startServer();

  const host = `WS-${String(7 % HOSTS).padStart(3, "0")}`;
  const page500 = await walkCursor(token, "/api/alerts?limit=50&counts=false", Math.min(500, Math.floor(ALERTS / 50) - 1));
  const ids = (await client.query<{ id: string }>(`(SELECT id FROM alert WHERE "dedupeKey" LIKE '%0' ORDER BY md5(id) LIMIT 250)
    UNION ALL (SELECT id FROM alert WHERE "dedupeKey" NOT LIKE '%0' ORDER BY md5(id) LIMIT 250)`)).rows.map((r) => r.id);
  const scenarios: { name: string; paths: string[] }[] = [
    { name: "(a) queue first page", paths: ["/api/alerts?limit=50"] },
    { name: "(a) queue first page, counts=false", paths: ["/api/alerts?limit=50&counts=false"] },
    { name: "(b) priority=high&status=open", paths: ["/api/alerts?priority=high&status=open&limit=50"] },
    { name: "(b) priority=high&status=open, counts=false", paths: ["/api/alerts?priority=high&status=open&limit=50&counts=false"] },
    { name: `(b) host=${host}`, paths: [`/api/alerts?host=${host}&limit=50`] },
    { name: `(b) host=${host}, counts=false`, paths: [`/api/alerts?host=${host}&limit=50&counts=false`] },
    { name: "(c) page 500 via cursor, counts=false", paths: [page500] },
    { name: "(d) alert page API (500 ids)", paths: ids.map((id) => `/api/alerts/${id}`) },
  ];
  const results: (LoadResult & { cpuMsPerRequest: { node: number; postgres: number } })[] = [];
  for (const scenario of scenarios) {
    await probe(app.baseUrl, scenario.paths, token);
    await runLoad({ ...scenario, baseUrl: app.baseUrl, token, seconds: 2 }); // warm-up: JIT, plan and page caches
    await settle();
    // CPU per request does not depend on the neighbours the way wall-clock latency does on a shared box.
    const pids = { node: await treePids(server.pid!), postgres: await backendPids(client) };
    const cpu0 = { node: await cpuSeconds(pids.node), postgres: await cpuSeconds(pids.postgres) };
    const loaded = await runLoad({ ...scenario, baseUrl: app.baseUrl, token, seconds: SECONDS });
    const after = { node: await treePids(server.pid!), postgres: await backendPids(client) };
    const perRequest = (used: number) => Math.round((used * 1000 * 10) / loaded.requests) / 10;
    const result = {
      ...loaded,
      cpuMsPerRequest: {
        node: perRequest(cpuUsed(cpu0.node, await cpuSeconds(after.node))),
        postgres: perRequest(cpuUsed(cpu0.postgres, await cpuSeconds(after.postgres))),
      },
    };
    results.push(result);
    await settle(); // requests still queued in the server would otherwise slow the next scenario
    app.log(`${scenario.name}: p95 ${result.p95.toFixed(0)} ms, ${result.rps.toFixed(0)} req/s, CPU/request node ${result.cpuMsPerRequest.node} ms + postgres ${result.cpuMsPerRequest.postgres} ms, statuses ${JSON.stringify(result.statuses)}, load average ${result.loadAverage.map((n) => n.toFixed(1)).join(" ")}`);
  }
  console.log(`\n${ALERTS.toLocaleString("en")} alerts, 10 connections × ${SECONDS} s each (latency in ms)\n${formatTable(results, TARGET_MS)}`);

  const explained = await explainCaptured(client, {
    host, cursor: new URL(page500, app.baseUrl).searchParams.get("cursor") ?? undefined, alertId: ids[0],
  });
  await mkdir("bench/out", { recursive: true });
  await writeFile("bench/out/triage-explain.txt", explained.text);
  console.log(`\nin-process query times (Prisma's own SQL, EXPLAIN ANALYZE in bench/out/triage-explain.txt):\n${explained.summary}`);
  await writeFile("bench/out/triage.json", JSON.stringify({ alerts: ALERTS, indexes: process.argv.includes("--indexes") ? PROPOSED_INDEXES : [], connections: 10, seconds: SECONDS, targetMs: TARGET_MS, database: sizes.rows[0], results, queries: explained.queries, at: new Date().toISOString() }, null, 2));
  app.log("wrote bench/out/triage.json");
} finally {
  await client.end();
  await app.stop();
}

async function settle(): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()",
    );
    if (rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Follows nextCursor `pages - 1` times, as a client paging through the queue would. */
async function walkCursor(token: string, first: string, pages: number): Promise<string> {
  let path = first;
  const t0 = performance.now();
  for (let page = 1; page < pages; page += 1) {
    const response = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { nextCursor: string | null };
    if (!body.nextCursor) throw new Error(`the queue ended at page ${page}`);
    path = `${first}&cursor=${encodeURIComponent(body.nextCursor)}`;
  }
  app.log(`walked to page ${pages} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${((performance.now() - t0) / pages).toFixed(1)} ms/page, sequential)`);
  return path;
}
