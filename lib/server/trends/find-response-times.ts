import { db } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/client";
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
  return Prisma.sql`WITH t AS (${alertTimes(range, scope)})
    SELECT CASE WHEN grouping(t.priority) = 0 THEN 'priority' WHEN grouping(t."assigneeId") = 0 THEN 'assignee' ELSE 'all' END AS "group",
      coalesce(t.priority::text, t."assigneeId") AS key,
      coalesce(t.priority::text, u.email, CASE WHEN grouping(t."assigneeId") = 0 THEN 'Unassigned' ELSE 'All alerts' END) AS label,
      count(*)::int AS alerts,
      count(t.tta)::int AS acknowledged,
      ${percentileSec(0.5, Prisma.sql`t.tta`)} AS "ackMedianSec",
      ${percentileSec(0.9, Prisma.sql`t.tta`)} AS "ackP90Sec",
      count(t.ttc)::int AS closed,
      ${percentileSec(0.5, Prisma.sql`t.ttc`)} AS "closeMedianSec",
      ${percentileSec(0.9, Prisma.sql`t.ttc`)} AS "closeP90Sec"
    FROM t LEFT JOIN "user" u ON u.id = t."assigneeId"
    GROUP BY GROUPING SETS ((), (t.priority), (t."assigneeId", u.email))
    ORDER BY 1, array_position(ARRAY['high', 'medium', 'low'], t.priority::text), 3`;
}

/**
 * Median and 90th percentile time to acknowledge and to close, overall, by priority and by current assignee
 * (a reassigned alert counts for whoever holds it now — the same rule that scopes an analyst's own figures).
 */
export function findResponseTimes(range: TrendsRange, scope: TrendsScope): Promise<ResponseTimeRow[]> {
  return db.$queryRaw<ResponseTimeRow[]>(responseTimesSql(range, scope));
}
