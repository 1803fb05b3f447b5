import pg from "pg";
import { beforeAll, describe, expect, test } from "vitest";
import { useOwnDatabase } from "@/test/own-database";
import { resolveRange } from "@/lib/server/trends/trends-range";

// alert_trends_count (migration trends_speed) must always equal a recount of alert, whatever writes it,
// and the team-wide charts read from it must equal the same alerts counted one by one (the analyst path).
const own = useOwnDatabase();
let client: pg.Client;

beforeAll(async () => {
  client = own.client;
  await client.query(`INSERT INTO "user" (id, name, email, role, "updatedAt") VALUES ('u1', 'u1', 'u1@test', 'analyst', now()), ('u2', 'u2', 'u2@test', 'analyst', now())`);
});

/** `count` alerts from `start`, one every `every`: hosts, users, rules, classifications and destinations vary (some NULL, some twice). */
async function insertAlerts(tag: string, count: number, start: string, every: string, assignee: string | null) {
  await client.query(
    `INSERT INTO alert (id, "dedupeKey", "ruleId", "ruleName", severity, "riskScore", priority, "priorityReasons", status, classification,
       "assigneeId", "sourceHost", "userName", destinations, "joinKeys", events, checklist, "firstSeen", "lastSeen", "createdAt", "updatedAt")
     SELECT $1::text || i, $1::text || i, 'r' || i % 3, 'Rule ' || i % 3, 'medium', 47, (ARRAY['low', 'medium', 'high'])[1 + i % 3]::"Priority", '[]',
       CASE WHEN i % 4 = 0 THEN 'open' ELSE 'closed' END::"AlertStatus",
       CASE WHEN i % 4 <> 0 THEN (ARRAY['false_positive_bad_data', 'true_positive_with_impact', 'benign_positive_approved_admin', 'duplicate', 'other'])[1 + i % 5] END,
       $4::text, CASE WHEN i % 7 <> 0 THEN 'WS' || i % 5 END, CASE WHEN i % 6 <> 0 THEN 'admin' || i % 4 END,
       CASE i % 4 WHEN 0 THEN '{}' WHEN 1 THEN ARRAY['SRV1 10.0.0.1'] WHEN 2 THEN ARRAY['SRV2', 'SRV2', NULL] ELSE ARRAY['SRV1 10.0.0.1', 'SRV3'] END,
       '{}', '[]', '{}', t, t, t, t
     FROM generate_series(1, $2::int) i CROSS JOIN LATERAL (SELECT $3::timestamp + (i - 1) * $5::interval AS t) s`,
    [tag, count, start, assignee, every],
  );
}

/** The rollup's non-zero rows, and the same counted from scratch over the alerts as they are now. */
async function rollupAndRecount() {
  const columns = `dimension, to_char(slot, 'YYYY-MM-DD HH24') AS slot, key1, key2, alerts::int, closed::int, "falsePositives"::int`;
  const { rows: rollup } = await client.query(`SELECT ${columns} FROM alert_trends_count
    WHERE alerts <> 0 OR closed <> 0 OR "falsePositives" <> 0 ORDER BY 1, 2, 3, 4`);
  const { rows: recount } = await client.query(`SELECT ${columns} FROM (
      SELECT k.dimension, k.slot, k.key1, k.key2, count(*) AS alerts, sum(k.closed) AS closed, sum(k.false_positives) AS "falsePositives"
      FROM alert a CROSS JOIN LATERAL alert_trends_keys(a."firstSeen", a.priority, a.status, a.classification,
        a."ruleId", a."ruleName", a."sourceHost", a."userName", a.destinations) k GROUP BY 1, 2, 3, 4) x ORDER BY 1, 2, 3, 4`);
  return { rollup, recount };
}

describe("alert_trends_count", () => {
  test("stays exact through inserts, updates, upserts and deletes of alerts and their history", async () => {
    const expectExact = async () => {
      const { rollup, recount } = await rollupAndRecount();
      expect(rollup).toEqual(recount);
      return rollup.length;
    };
    await insertAlerts("x", 60, "2025-03-29 20:00", "47 minutes", null);
    expect(await expectExact()).toBeGreaterThan(50);
    // History: acknowledging and closing write acknowledgedAt / closedAt into alert (keyed columns unchanged).
    await client.query(`INSERT INTO alert_history ("alertId", at, field, "from", "to")
      SELECT id, "firstSeen" + interval '5 minutes', 'status', 'open', 'acknowledged' FROM alert WHERE status = 'open'`);
    await client.query(`UPDATE alert SET status = 'acknowledged' WHERE status = 'open' AND "dedupeKey" LIKE '%2%'`);
    await expectExact();
    // A bulk close, a reopen, reassignment, priority, host, user, destinations, renamed rule, moved firstSeen.
    await client.query(`UPDATE alert SET status = 'closed', classification = 'false_positive_rule_logic' WHERE status = 'acknowledged'`);
    await client.query(`UPDATE alert SET status = 'open', classification = NULL WHERE "dedupeKey" IN ('x5', 'x9')`);
    await client.query(`UPDATE alert SET "assigneeId" = 'u1', priority = 'high' WHERE "dedupeKey" LIKE 'x1%'`);
    await client.query(`UPDATE alert SET "sourceHost" = NULL, "userName" = 'svc', destinations = ARRAY['SRV9', 'SRV9'] WHERE "dedupeKey" LIKE '%3'`);
    await client.query(`UPDATE alert SET "ruleName" = 'Rule one, renamed' WHERE "ruleId" = 'r1' AND "dedupeKey" > 'x4'`);
    await client.query(`UPDATE alert SET "firstSeen" = "firstSeen" - interval '2 days' WHERE "dedupeKey" LIKE '%7'`);
    await client.query(`UPDATE alert SET checklist = '{"a": true}'`);
    await expectExact();
    // Ingest's dedupe upsert: one insert, one update through ON CONFLICT.
    await client.query(`INSERT INTO alert (id, "dedupeKey", "ruleId", "ruleName", severity, "riskScore", priority, "priorityReasons", status,
        "sourceHost", destinations, "joinKeys", events, checklist, "firstSeen", "lastSeen", "updatedAt")
      VALUES ('y1', 'x1', 'r1', 'Rule 1', 'medium', 47, 'low', '[]', 'open', 'WS1', '{}', '{}', '[]', '{}', '2025-03-30 10:00', '2025-03-30 10:00', now()),
             ('y2', 'y2', 'r1', 'Rule 1', 'medium', 47, 'low', '[]', 'open', 'WS1', '{}', '{}', '[]', '{}', '2025-03-30 10:00', '2025-03-30 10:00', now())
      ON CONFLICT ("dedupeKey") DO UPDATE SET priority = 'medium', "sourceHost" = 'WS8'`);
    await expectExact();
    await client.query(`DELETE FROM alert WHERE "dedupeKey" LIKE '%4' OR "dedupeKey" = 'y2'`);
    expect(await expectExact()).toBeGreaterThan(0);
    await client.query("TRUNCATE alert CASCADE");
    expect(await expectExact()).toBe(0);
  });
});

describe("team-wide charts from the rollup equal the alerts counted one by one", () => {
  // Every alert belongs to u2, so u2's own figures (read from alert) must be the team's (read from the
  // rollup). Around Berlin's DST end, Havana's (midnight happens twice), at +05:30 and +05:45.
  beforeAll(async () => {
    await client.query("TRUNCATE alert CASCADE");
    await insertAlerts("z", 500, "2025-10-23 00:17", "37 minutes", "u2");
  });

  test.each(["UTC", "Europe/Berlin", "America/Havana", "Asia/Kolkata", "Asia/Kathmandu"])("%s", async (tz) => {
    const { findVolumeByPriority } = await import("@/lib/server/trends/find-volume-by-priority");
    const { findOutcomes } = await import("@/lib/server/trends/find-outcomes");
    const { findRuleFalsePositives } = await import("@/lib/server/trends/find-rule-false-positives");
    const { findTopEntities } = await import("@/lib/server/trends/find-top-entities");
    for (const [from, to] of [["2025-10-24", "2025-11-04"], ["2025-10-26", "2025-10-26"], ["2025-11-01", "2025-11-02"], ["2025-10-20", "2025-10-25"]]) {
      for (const bucket of ["day", "week"] as const) {
        const range = resolveRange({ from, to, tz, bucket }, new Date());
        const [team, own] = [{ assigneeId: null }, { assigneeId: "u2" }];
        expect(await findVolumeByPriority(range, team)).toEqual(await findVolumeByPriority(range, own));
        expect(await findOutcomes(range, team)).toEqual(await findOutcomes(range, own));
        if (bucket === "week") continue;
        expect(await findRuleFalsePositives(range, team)).toEqual(await findRuleFalsePositives(range, own));
        expect(await findTopEntities(range, team)).toEqual(await findTopEntities(range, own));
      }
    }
    const volume = await findVolumeByPriority(resolveRange({ from: "2025-10-24", to: "2025-11-04", tz, bucket: "day" }, new Date()), { assigneeId: null });
    expect(volume.reduce((sum, row) => sum + row.total, 0)).toBeGreaterThan(400);
  });
});
