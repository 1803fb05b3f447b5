import { Prisma } from "@/lib/server/db/generated/client";
import { queryTrends } from "@/lib/server/trends/query-trends";
import type { TrendsRange } from "@/lib/server/trends/trends-range";
import { alertTimes, percentileSec, type TrendsScope } from "@/lib/server/trends/trends-sql";

export type ResponseTimeRow = {
  group: "all" | "priority" | "assignee";
  /** The priority, or the assignee's user id (`null` = unassigned, or the "all" row). */
  key: string | null;
  label: string;
  alerts: number;
  acknowledged: number;
  ackMedianSec: number | null;
  ackP90Sec: number | null;
  closed: number;
  closeMedianSec: number | null;
  closeP90Sec: number | null;
};

export function responseTimesSql(range: TrendsRange, scope: TrendsScope): Prisma.Sql {
  // Aggregated before the join with "user" for the labels: the sorts the percentiles need then carry
  // narrow rows (an assignee's email is the same for each of their alerts, so the groups are the same).
  return Prisma.sql`WITH t AS (${alertTimes(range, scope)}),
    stats AS (
      SELECT grouping(t.priority) AS by_priority, grouping(t."assigneeId") AS by_assignee, t.priority, t."assigneeId",
        count(*)::int AS alerts,
        count(t.tta)::int AS acknowledged,
        ${percentileSec(0.5, Prisma.sql`t.tta`)} AS "ackMedianSec",
        ${percentileSec(0.9, Prisma.sql`t.tta`)} AS "ackP90Sec",
        count(t.ttc)::int AS closed,
        ${percentileSec(0.5, Prisma.sql`t.ttc`)} AS "closeMedianSec",
        ${percentileSec(0.9, Prisma.sql`t.ttc`)} AS "closeP90Sec"
      FROM t GROUP BY GROUPING SETS ((), (t.priority), (t."assigneeId")))
    SELECT CASE WHEN by_priority = 0 THEN 'priority' WHEN by_assignee = 0 THEN 'assignee' ELSE 'all' END AS "group",
      coalesce(stats.priority::text, stats."assigneeId") AS key,
      coalesce(stats.priority::text, u.email, CASE WHEN by_assignee = 0 THEN 'Unassigned' ELSE 'All alerts' END) AS label,
      alerts, acknowledged, "ackMedianSec", "ackP90Sec", closed, "closeMedianSec", "closeP90Sec"
    FROM stats LEFT JOIN "user" u ON u.id = stats."assigneeId"
    ORDER BY 1, array_position(ARRAY['high', 'medium', 'low'], stats.priority::text), 3`;
}

/**
 * Median and 90th percentile time to acknowledge and to close, overall, by priority and by current assignee
 * (a reassigned alert counts for whoever holds it now — the same rule that scopes an analyst's own figures).
 */
export function findResponseTimes(range: TrendsRange, scope: TrendsScope): Promise<ResponseTimeRow[]> {
  return queryTrends<ResponseTimeRow>(responseTimesSql(range, scope));
}
