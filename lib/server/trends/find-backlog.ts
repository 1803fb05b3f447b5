import { Prisma } from "@/lib/server/db/generated/client";
import { queryTrends } from "@/lib/server/trends/query-trends";
import type { TrendsScope } from "@/lib/server/trends/trends-sql";

export type BacklogRow = { age: string; low: number; medium: number; high: number; total: number };

/** Alerts not closed yet, right now, by how long ago they were raised and by priority (the range does not apply). */
export function findBacklog(scope: TrendsScope, now: Date): Promise<BacklogRow[]> {
  const assignee = scope.assigneeId === null ? Prisma.empty : Prisma.sql`AND a."assigneeId" = ${scope.assigneeId}`;
  const ago = (seconds: number) => Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - ${seconds}::int * interval '1 second'`;
  // Each alert's age class in one CASE on createdAt (age < 1 h ⇔ createdAt > now − 1 h; a clock-skewed
  // future createdAt is "< 1 h"); alert_backlog_idx (migration trends_speed) holds exactly these rows
  // and columns, so this is an index-only scan.
  return queryTrends<BacklogRow>(Prisma.sql`WITH ages(age, ord) AS (VALUES
        ('< 1 h', 1), ('1–4 h', 2), ('4–24 h', 3), ('1–3 d', 4), ('3–7 d', 5), ('> 7 d', 6)),
      backlog AS (
        SELECT a.priority, CASE WHEN a."createdAt" > ${ago(3600)} THEN 1 WHEN a."createdAt" > ${ago(14400)} THEN 2
          WHEN a."createdAt" > ${ago(86400)} THEN 3 WHEN a."createdAt" > ${ago(259200)} THEN 4 WHEN a."createdAt" > ${ago(604800)} THEN 5
          ELSE 6 END AS ord
        FROM alert a WHERE a.status IN ('open', 'acknowledged') ${assignee})
    SELECT ages.age,
      count(b.priority) FILTER (WHERE b.priority = 'low')::int AS low,
      count(b.priority) FILTER (WHERE b.priority = 'medium')::int AS medium,
      count(b.priority) FILTER (WHERE b.priority = 'high')::int AS high,
      count(b.priority)::int AS total
    FROM ages LEFT JOIN backlog b ON b.ord = ages.ord
    GROUP BY ages.age, ages.ord ORDER BY ages.ord`);
}
