// Captures the SQL Prisma generates for the benchmarked requests (by calling the same server functions
// in-process) and runs EXPLAIN (ANALYZE, BUFFERS) on each with its bound parameters.
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "@/lib/server/db/generated/client";

type Captured = { query: string; params: string; duration: number };
const captured: Captured[] = [];
let capturing = false;

/** Must run before anything imports @/lib/server/db/client: the app's `db` is then this logging client. */
export function installQueryCapture(connectionString: string): void {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => {
    if (capturing) captured.push({ query: event.query, params: event.params, duration: event.duration });
  });
  (globalThis as unknown as { lateralPrisma?: PrismaClient }).lateralPrisma = client;
}

export async function explainCaptured(client: pg.Client, input: { host: string; cursor?: string; alertId: string }) {
  const { findAlerts } = await import("@/lib/server/alerts/find-alerts");
  const { getAlertById } = await import("@/lib/server/alerts/get-alert-by-id");
  const { listAlertsQuery } = await import("@/lib/server/api/contracts/alerts");
  const actor = { userId: "bench-u1", email: "bench", name: "bench", role: "analyst" as const, via: "token" as const };
  const requests: [string, () => Promise<unknown>][] = [
    ["queue first page", () => findAlerts(listAlertsQuery.parse({ limit: "50" }), actor)],
    ["priority=high&status=open", () => findAlerts(listAlertsQuery.parse({ priority: "high", status: "open", limit: "50" }), actor)],
    [`host=${input.host}`, () => findAlerts(listAlertsQuery.parse({ host: input.host, limit: "50" }), actor)],
    ["page 500 via cursor", () => findAlerts(listAlertsQuery.parse({ limit: "50", counts: "false", cursor: input.cursor }), actor)],
    ["alert page API", () => getAlertById(input.alertId)],
  ];
  const sections: string[] = [];
  const summary: string[] = [];
  const queries: { request: string; sql: string; ms: number; executionMs: number | null }[] = [];
  for (const [name, run] of requests) {
    await run(); // warm
    captured.length = 0;
    capturing = true;
    const t0 = performance.now();
    await run();
    const total = performance.now() - t0;
    capturing = false;
    summary.push(`${name}: ${total.toFixed(1)} ms in-process, ${captured.length} queries`);
    for (const query of [...captured]) {
      const params = JSON.parse(query.params) as unknown[];
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.query}`, params).then(
        (result) => result.rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n"),
        (error: Error) => `EXPLAIN failed: ${error.message}`,
      );
      const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
      queries.push({ request: name, sql: query.query, ms: query.duration, executionMs: Number.isNaN(executionMs) ? null : executionMs });
      summary.push(`  ${String(query.duration).padStart(5)} ms (explain ${Number.isNaN(executionMs) ? "?" : executionMs.toFixed(1)} ms)  ${query.query.replace(/\s+/g, " ").slice(0, 150)}`);
      sections.push(`=== ${name} — ${query.duration} ms\n${query.query}\nparams: ${query.params}\n\n${plan}\n`);
    }
  }
  return { text: sections.join("\n"), summary: summary.join("\n"), queries };
}
