import { beforeAll, describe, expect, test } from "vitest";
import { useOwnDatabase } from "@/test/own-database";
import { KNOWN_RANGE, seedKnownHistory } from "@/lib/server/trends/test-support/known-history";

// Own database: the expected figures assume no other test's alerts.
const own = useOwnDatabase();
let report: typeof import("@/lib/server/trends/get-trends-report");
let csv: typeof import("@/lib/server/trends/export-trends-csv");
const manager = { userId: "u-manager", role: "manager" as const };
const analystA = { userId: "u-a", role: "analyst" as const };
const NOW = new Date("2025-04-01T12:00:00Z");
const query = { ...KNOWN_RANGE, bucket: "day" as const };

beforeAll(async () => {
  const client = own.client;
  for (const [id, role] of [["u-manager", "manager"], ["u-a", "analyst"], ["u-b", "analyst"]]) {
    await client.query(`INSERT INTO "user" (id, name, email, role, "updatedAt") VALUES ($1, $1, $2, $3, now())`, [id, `${id}@test`, role]);
  }
  await seedKnownHistory(client, { A: "u-a", B: "u-b" });
  report = await import("@/lib/server/trends/get-trends-report");
  csv = await import("@/lib/server/trends/export-trends-csv");
});

describe("getTrendsReport on the known history (Europe/Berlin, 2025-03-29 … 03-31)", () => {
  test("alerts by priority per local day, DST day included, empty buckets as zero", async () => {
    const r = await report.getTrendsReport(query, manager, NOW);
    expect(r.scope).toBe("all");
    expect(r.range).toEqual({ ...query, days: 3, previous: { from: "2025-03-26", to: "2025-03-28" } });
    expect(r.volume).toEqual([
      { bucket: "2025-03-29", low: 0, medium: 2, high: 0, total: 2 }, // a3, a5 (a5 is the 28th in UTC)
      { bucket: "2025-03-30", low: 0, medium: 0, high: 1, total: 1 }, // a1
      { bucket: "2025-03-31", low: 1, medium: 0, high: 1, total: 2 }, // a2 (after the switch to CEST), a4; not a6
    ]);
  });

  test("the same instants bucket differently in UTC, and weeks start on Monday", async () => {
    const utc = await report.getTrendsReport({ ...query, tz: "UTC" }, manager, NOW);
    expect(utc.volume.map((row) => [row.bucket, row.low, row.medium, row.high])).toEqual([
      ["2025-03-29", 0, 1, 1],
      ["2025-03-30", 0, 0, 1],
      ["2025-03-31", 1, 0, 1],
    ]);
    const weeks = await report.getTrendsReport({ ...query, bucket: "week" }, manager, NOW);
    expect(weeks.volume).toEqual([
      { bucket: "2025-03-24", low: 0, medium: 2, high: 1, total: 3 },
      { bucket: "2025-03-31", low: 1, medium: 0, high: 1, total: 2 },
    ]);
    const empty = await report.getTrendsReport({ from: "2025-06-01", to: "2025-06-03", tz: "Europe/Berlin", bucket: "day" }, manager, NOW);
    expect(empty.volume.map((row) => row.total)).toEqual([0, 0, 0]);
  });

  test("time to acknowledge (first move out of open) and to close (last close), median and p90", async () => {
    const r = await report.getTrendsReport(query, manager, NOW);
    const row = (group: string, label: string) => r.responseTimes.find((x) => x.group === group && x.label === label);
    // tta: a1 300, a2 600, a3 1200, a5 3600 s; ttc: a5 3600, a1 5400, a2 43200 s (its second close).
    expect(row("all", "All alerts")).toEqual({ group: "all", key: null, label: "All alerts", alerts: 5, acknowledged: 4, ackMedianSec: 900, ackP90Sec: 2880, closed: 3, closeMedianSec: 5400, closeP90Sec: 35640 });
    expect(row("priority", "high")).toMatchObject({ alerts: 2, ackMedianSec: 450, ackP90Sec: 570, closeMedianSec: 24300, closeP90Sec: 39420 });
    expect(row("priority", "medium")).toMatchObject({ alerts: 2, ackMedianSec: 2400, ackP90Sec: 3360, closed: 1, closeMedianSec: 3600 });
    expect(row("priority", "low")).toMatchObject({ alerts: 1, acknowledged: 0, ackMedianSec: null, closeMedianSec: null });
    // a3 was reassigned A → B: B's figures.
    expect(row("assignee", "u-a@test")).toMatchObject({ key: "u-a", alerts: 2, ackMedianSec: 1950, closeMedianSec: 4500 });
    expect(row("assignee", "u-b@test")).toMatchObject({ key: "u-b", alerts: 2, ackMedianSec: 900, closed: 1, closeMedianSec: 43200 });
    expect(row("assignee", "Unassigned")).toMatchObject({ key: null, alerts: 1, acknowledged: 0 });
  });

  test("KPIs against the previous period of equal length", async () => {
    const { kpis } = await report.getTrendsReport(query, manager, NOW);
    expect(kpis.current).toEqual({ alerts: 5, high: 2, ackMedianSec: 900, closeMedianSec: 5400, closed: 3, falsePositives: 1, falsePositiveRate: 1 / 3, baselineHandled: 1, baselineShare: 0.2 });
    expect(kpis.previous).toEqual({ alerts: 1, high: 0, ackMedianSec: 7200, closeMedianSec: 7200, closed: 1, falsePositives: 1, falsePositiveRate: 1, baselineHandled: 0, baselineShare: 0 });
  });

  test("outcomes per day, false-positive rate per rule, top entities", async () => {
    const r = await report.getTrendsReport(query, manager, NOW);
    expect(r.outcomes.map((o) => [o.bucket, o.true_positive, o.benign_positive, o.false_positive, o.duplicate, o.undetermined])).toEqual([
      ["2025-03-29", 0, 1, 0, 0, 0],
      ["2025-03-30", 1, 0, 0, 0, 0],
      ["2025-03-31", 0, 0, 1, 0, 0],
    ]);
    expect(r.rules).toEqual([
      { ruleId: "r2", ruleName: "Rule two", alerts: 1, closed: 1, falsePositives: 1, rate: 1 },
      { ruleId: "r1", ruleName: "Rule one", alerts: 4, closed: 2, falsePositives: 0, rate: 0 },
    ]);
    expect(r.top).toEqual({
      hosts: [{ value: "WS1", count: 2 }, { value: "WS2", count: 2 }, { value: "WS3", count: 1 }],
      users: [{ value: "admin", count: 3 }, { value: "svc", count: 1 }],
      destinations: [{ value: "SRV1 10.0.0.1", count: 2 }, { value: "SRV2 10.0.0.2", count: 1 }],
    });
  });

  test("backlog by age now, and SLA shares with default and overridden targets", async () => {
    const r = await report.getTrendsReport(query, manager, NOW);
    const ages = Object.fromEntries(r.backlog.map((b) => [b.age, [b.low, b.medium, b.high]]));
    expect(ages).toEqual({ "< 1 h": [0, 0, 0], "1–4 h": [0, 0, 0], "4–24 h": [0, 0, 1], "1–3 d": [1, 0, 0], "3–7 d": [0, 1, 0], "> 7 d": [0, 0, 0] });
    expect(r.sla).toEqual([
      { priority: "high", ackTargetMin: 15, closeTargetMin: 240, ack: { met: 2, breached: 0, pending: 0, share: 1 }, close: { met: 1, breached: 1, pending: 0, share: 0.5 } },
      { priority: "medium", ackTargetMin: 60, closeTargetMin: 1440, ack: { met: 2, breached: 0, pending: 0, share: 1 }, close: { met: 1, breached: 1, pending: 0, share: 0.5 } },
      { priority: "low", ackTargetMin: 240, closeTargetMin: 4320, ack: { met: 0, breached: 1, pending: 0, share: 0 }, close: { met: 0, breached: 0, pending: 1, share: null } },
    ]);
    const strict = await report.getTrendsReport({ ...query, ackHigh: 5 }, manager, NOW);
    expect(strict.sla[0].ack).toEqual({ met: 1, breached: 1, pending: 0, share: 0.5 });
  });

  test("an analyst gets only the alerts assigned to them, whatever they ask for", async () => {
    const r = await report.getTrendsReport(query, analystA, NOW);
    expect(r.scope).toBe("own");
    expect(r.volume.map((row) => row.total)).toEqual([1, 1, 0]); // a5, a1
    expect(r.kpis.current.alerts).toBe(2);
    expect(r.responseTimes.filter((x) => x.group === "assignee").map((x) => x.key)).toEqual(["u-a"]);
    expect(r.backlog.reduce((sum, b) => sum + b.total, 0)).toBe(1); // a6
    expect(r.top.users).toEqual([{ value: "admin", count: 1 }]);
  });

  test("CSV export of one chart", async () => {
    const text = await csv.exportTrendsCsv("volume", query, manager, NOW);
    expect(text).toBe("bucket,low,medium,high,total\r\n2025-03-29,0,2,0,2\r\n2025-03-30,0,0,1,1\r\n2025-03-31,1,0,1,2\r\n");
    const kpis = await csv.exportTrendsCsv("kpis", query, analystA, NOW);
    expect(kpis.split("\r\n")[1]).toBe("alerts,2,1");
  });
});
