// The rollup proposed for the migration, measured on the bench database: two timestamps kept on the alert by
// the workflow write path (in the transaction that appends the history row), and a covering range index.
// The queries below are the production response-time queries with the history lookup replaced by those columns.
import type pg from "pg";

export const ROLLUP_DDL = [
  `ALTER TABLE alert ADD COLUMN IF NOT EXISTS "acknowledgedAt" TIMESTAMP(3), ADD COLUMN IF NOT EXISTS "closedAt" TIMESTAMP(3)`,
  // Backfill: first move out of open; last move to closed while still closed (reopen clears it).
  `UPDATE alert a SET "acknowledgedAt" = m.acked, "closedAt" = CASE WHEN a.status = 'closed' THEN m.closed END
     FROM (SELECT "alertId", min(at) FILTER (WHERE "from" = 'open') AS acked, max(at) FILTER (WHERE "to" = 'closed') AS closed
           FROM alert_history WHERE field = 'status' GROUP BY 1) m
    WHERE m."alertId" = a.id`,
  `CREATE INDEX IF NOT EXISTS alert_trends_range_idx ON alert ("firstSeen") INCLUDE (priority, status, classification, "assigneeId", "ruleId", "createdAt", "acknowledgedAt", "closedAt")`,
  `VACUUM ANALYZE alert`,
];

const times = `SELECT a.priority, a.status, a.classification, a."assigneeId", a."createdAt",
    extract(epoch FROM a."acknowledgedAt" - a."createdAt")::float8 AS tta,
    extract(epoch FROM a."closedAt" - a."createdAt")::float8 AS ttc
  FROM alert a
  WHERE a."firstSeen" >= (($1::date::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC')
    AND a."firstSeen" < ((($2::date + 1)::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC')`;

export function rollupQueries(client: pg.Client, range: { from: string; to: string; tz: string }): Record<string, () => Promise<unknown>> {
  const args = [range.from, range.to, range.tz];
  return {
    "rollup: kpis": () => client.query(`WITH t AS (${times}) SELECT count(*), count(*) FILTER (WHERE priority = 'high'),
        percentile_cont(0.5) WITHIN GROUP (ORDER BY tta), percentile_cont(0.5) WITHIN GROUP (ORDER BY ttc),
        count(*) FILTER (WHERE status = 'closed' AND classification LIKE 'false_positive%') FROM t`, args),
    "rollup: response times": () => client.query(`WITH t AS (${times}) SELECT t.priority, t."assigneeId", count(*),
        percentile_cont(0.5) WITHIN GROUP (ORDER BY tta), percentile_cont(0.9) WITHIN GROUP (ORDER BY tta),
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ttc), percentile_cont(0.9) WITHIN GROUP (ORDER BY ttc)
      FROM t GROUP BY GROUPING SETS ((), (t.priority), (t."assigneeId"))`, args),
  };
}
