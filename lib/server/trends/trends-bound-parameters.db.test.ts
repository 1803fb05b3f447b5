import pg from "pg";
import { beforeAll, describe, expect, test } from "vitest";
import { useOwnDatabase } from "@/test/own-database";
import { trendsQuery } from "@/lib/server/api/contracts/trends";
import { resolveRange } from "@/lib/server/trends/trends-range";

const HOSTILE = [
  "Europe/Berlin'; DROP TABLE alert; --",
  "day') FROM alert; DROP TABLE alert_history; --",
  "2025-03-29'::date; DELETE FROM alert; --",
];

const own = useOwnDatabase();
let client: pg.Client;

beforeAll(async () => {
  client = own.client;
  // Autumn DST end in Berlin (2025-10-26, a 25-hour day): one alert just after local midnight on each side.
  for (const [key, firstSeen] of [["before", "2025-10-25T22:30:00Z"], ["after", "2025-10-26T23:30:00Z"]]) {
    await client.query(
      `INSERT INTO alert (id, "dedupeKey", "ruleId", "ruleName", severity, "riskScore", priority, "priorityReasons", "joinKeys", events, checklist, "firstSeen", "lastSeen", "updatedAt")
       VALUES ($1, $1, 'r1', 'Rule one', 'medium', 47, 'low', '[]', '{}', '[]', '{}', $2, $2, now())`,
      [key, firstSeen],
    );
  }
});

describe("hostile range, bucket and time zone inputs", () => {
  test("the API schema refuses them", () => {
    expect(trendsQuery.safeParse({ tz: HOSTILE[0] }).success).toBe(false);
    expect(trendsQuery.safeParse({ bucket: HOSTILE[1] }).success).toBe(false);
    expect(trendsQuery.safeParse({ from: HOSTILE[2] }).success).toBe(false);
    expect(trendsQuery.safeParse({ from: "2025-03-31", to: "2025-03-29" }).success).toBe(false);
    expect(trendsQuery.safeParse({ tz: "Europe/Berlin", bucket: "week", from: "2025-03-29" }).success).toBe(true);
  });

  test("past the schema they are still bound parameters: never SQL text, and nothing is dropped", async () => {
    const { volumeByPrioritySql } = await import("@/lib/server/trends/find-volume-by-priority");
    const { db } = await import("@/lib/server/db/client");
    const range = { from: HOSTILE[2], to: "2025-10-27", tz: HOSTILE[0], bucket: HOSTILE[1] as "day", days: 3, previous: { from: "", to: "" } };
    const sql = volumeByPrioritySql(range, { assigneeId: "x' OR '1'='1" });
    for (const payload of [...HOSTILE, "x' OR '1'='1"]) {
      expect(sql.sql).not.toContain(payload);
      expect(sql.values).toContain(payload);
    }
    await expect(db.$queryRaw(sql)).rejects.toThrow();
    const { rows } = await client.query("SELECT (SELECT count(*) FROM alert)::int AS alerts, to_regclass('alert_history') IS NOT NULL AS history");
    expect(rows[0]).toEqual({ alerts: 2, history: true });
  });
});

describe("DST end", () => {
  test("Europe/Berlin 2025-10-26 (25 h): each alert lands on its local day", async () => {
    const { findVolumeByPriority } = await import("@/lib/server/trends/find-volume-by-priority");
    const range = resolveRange({ from: "2025-10-25", to: "2025-10-27", tz: "Europe/Berlin", bucket: "day" }, new Date());
    const rows = await findVolumeByPriority(range, { assigneeId: null });
    // 22:30Z on the 25th is 00:30 CEST on the 26th; 23:30Z on the 26th is 00:30 CET on the 27th.
    expect(rows.map((row) => [row.bucket, row.total])).toEqual([["2025-10-25", 0], ["2025-10-26", 1], ["2025-10-27", 1]]);
    const utc = await findVolumeByPriority({ ...range, tz: "UTC" }, { assigneeId: null });
    expect(utc.map((row) => [row.bucket, row.total])).toEqual([["2025-10-25", 1], ["2025-10-26", 1], ["2025-10-27", 0]]);
  });
});
