// Each Trends query against 1 M alerts with their history (target: p95 < 300 ms per query).
// Run: npx tsx bench/trends.ts [--alerts 1000000] [--runs 15] [--keep] [--reuse <database url>]
// Seeds a throwaway, migrated database with INSERT … SELECT generate_series (the history rollup trigger
// and the Trends count triggers are paused while seeding; both rollups are then backfilled in one
// statement each, as their migrations do), then prints p50/p95 per production query for a manager and
// for an analyst.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createTestDatabase } from "@/test/create-test-database";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ALERTS = arg("alerts", 1_000_000);
const RUNS = arg("runs", 15);
const reuseAt = process.argv.indexOf("--reuse");
const REUSE = reuseAt > 0 ? process.argv[reuseAt + 1] : undefined;
const USERS = 20;
const NOW = new Date("2026-11-28T12:00:00Z");

// The alert_trends_count triggers (migration trends_speed): rebuilt once after the load instead.
const COUNT_TRIGGERS = ["alert_trends_count_insert", "alert_trends_count_update", "alert_trends_count_delete"];
const countTriggers = (action: "ENABLE" | "DISABLE") => `ALTER TABLE alert ${COUNT_TRIGGERS.map((name) => `${action} TRIGGER ${name}`).join(", ")}`;

const BACKFILL = `UPDATE alert a SET "acknowledgedAt" = m.acked, "closedAt" = m.closed
  FROM (SELECT "alertId", min(at) FILTER (WHERE "from" = 'open') AS acked, max(at) FILTER (WHERE "to" = 'closed') AS closed
        FROM alert_history WHERE field = 'status' GROUP BY 1) m
  WHERE m."alertId" = a.id`;

// --reuse measures a database kept by an earlier --keep run (seeding takes minutes); it is never dropped.
const database = REUSE ? { url: REUSE, drop: async () => {} } : await createTestDatabase();
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString("hex");
  const seeded = performance.now();
  if (!REUSE) {
    await client.query("ALTER TABLE alert_history DISABLE TRIGGER alert_history_status_rollup");
    await client.query(countTriggers("DISABLE"));
    await seed();
    await client.query(BACKFILL);
    await client.query("SELECT alert_trends_count_rebuild()");
    await client.query("ALTER TABLE alert_history ENABLE TRIGGER alert_history_status_rollup");
    await client.query(countTriggers("ENABLE"));
    await client.query("VACUUM ANALYZE alert");
    await client.query("VACUUM ANALYZE alert_history");
    await client.query("VACUUM ANALYZE alert_trends_count");
  }
  console.log(`seeded ${ALERTS.toLocaleString("en")} alerts, ${(await count("alert_history")).toLocaleString("en")} history rows in ${((performance.now() - seeded) / 1000).toFixed(0)} s`);
  const queries = await import("@/bench/trends-queries");
  await measure("production queries (rollups + covering indexes)", queries, RUNS);
} finally {
  await client.end();
  const { db } = await import("@/lib/server/db/client");
  await db.$disconnect();
  if (!process.argv.includes("--keep")) await database.drop();
  else console.log(`kept ${database.url} (measure again with --reuse)`);
}

async function count(table: string): Promise<number> {
  return Number((await client.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
}

async function seed(): Promise<void> {
  await client.query(`INSERT INTO "user" (id, name, email, role, "updatedAt")
    SELECT 'u' || i, 'User ' || i, 'user' || i || '@bench.test', CASE WHEN i = 0 THEN 'manager' ELSE 'analyst' END::"Role", now()
    FROM generate_series(0, ${USERS}) i`);
  // One year of alerts ending at NOW; older ones are mostly closed, the last days hold the backlog.
  await client.query(`SET synchronous_commit = off`);
  await client.query(`INSERT INTO alert (id, "dedupeKey", "ruleId", "ruleName", severity, "riskScore", priority, "priorityReasons", status,
      classification, "assigneeId", "sourceHost", "userName", destinations, "joinKeys", events, checklist, "firstSeen", "lastSeen", "createdAt", "updatedAt")
    SELECT md5(i::text)::uuid::text, 'bench-' || i, 'rule-' || (i % 5), 'Rule ' || (i % 5), 'medium', 47,
      (ARRAY['low', 'medium', 'medium', 'high'])[1 + i % 4]::"Priority", '[]',
      s.status::"AlertStatus",
      CASE WHEN s.status = 'closed' THEN (ARRAY['true_positive_with_impact', 'true_positive_without_impact', 'benign_positive_approved_admin',
        'benign_positive_approved_admin', 'false_positive_rule_logic', 'false_positive_bad_data', 'duplicate', 'undetermined'])[1 + (i * 7) % 8] END,
      CASE WHEN i % 10 = 0 THEN NULL ELSE 'u' || (1 + i % ${USERS}) END,
      'WS' || (i % 2000), 'admin' || (i % 300), ARRAY['SRV' || (i % 500) || ' 10.0.' || (i % 250) || '.1'], '{}', '[]', '{}',
      t.seen, t.seen, t.seen + interval '30 seconds', t.seen
    FROM generate_series(1, ${ALERTS}) i
    CROSS JOIN LATERAL (SELECT timestamp '${NOW.toISOString().slice(0, 19)}' - (i::float8 / ${ALERTS} * 365) * interval '1 day' AS seen) t
    CROSS JOIN LATERAL (SELECT CASE WHEN t.seen > timestamp '${NOW.toISOString().slice(0, 19)}' - interval '3 days'
      THEN (ARRAY['open', 'acknowledged', 'closed'])[1 + i % 3] WHEN i % 50 = 0 THEN 'acknowledged' ELSE 'closed' END AS status) s`);
  // History: assignment, first acknowledgement, close; every 20th closed alert was reopened and closed again.
  await client.query(`INSERT INTO alert_history ("alertId", "actorId", at, field, "from", "to")
    SELECT a.id, a."assigneeId", a."createdAt" + interval '1 minute', 'assignee', NULL, a."assigneeId" FROM alert a WHERE a."assigneeId" IS NOT NULL`);
  await client.query(`INSERT INTO alert_history ("alertId", "actorId", at, field, "from", "to")
    SELECT a.id, a."assigneeId", a."createdAt" + (abs(hashtext(a.id)) % 7200) * interval '1 second', 'status', 'open', 'acknowledged'
    FROM alert a WHERE a.status <> 'open'`);
  await client.query(`INSERT INTO alert_history ("alertId", "actorId", at, field, "from", "to")
    SELECT a.id, a."assigneeId", a."createdAt" + interval '2 hours' + (abs(hashtext(a.id || 'c')) % 86400) * interval '1 second', 'status', 'acknowledged', 'closed'
    FROM alert a WHERE a.status = 'closed'`);
  await client.query(`INSERT INTO alert_history ("alertId", "actorId", at, field, "from", "to")
    SELECT a.id, a."assigneeId", a."createdAt" + interval '2 days' + x.o * interval '1 hour', 'status', x.f, x.t
    FROM alert a CROSS JOIN (VALUES (0, 'closed', 'open'), (1, 'open', 'acknowledged'), (2, 'acknowledged', 'closed')) x(o, f, t)
    WHERE a.status = 'closed' AND abs(hashtext(a.id)) % 20 = 0`);
  await client.query("VACUUM ANALYZE");
}

async function measure(label: string, queries: Pick<typeof import("@/bench/trends-queries"), "benchQueries">, runs: number): Promise<void> {
  if (runs === 0) return;
  console.log(`\n${label} (${runs} runs each, 30-day range ending ${NOW.toISOString().slice(0, 10)}, Europe/Berlin)`);
  console.log(`${"query".padEnd(34)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`);
  for (const [name, run] of Object.entries(queries.benchQueries(NOW))) {
    await run(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const pick = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
    const p95 = pick(0.95);
    console.log(`${name.padEnd(34)} ${pick(0.5).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}${p95 >= 300 ? "  ✗ over 300 ms" : ""}`);
  }
}
