import { Prisma } from "@/lib/server/db/generated/client";
import { queryTrends } from "@/lib/server/trends/query-trends";
import type { TrendsRange } from "@/lib/server/trends/trends-range";
import { recountedAlerts, rollupRows } from "@/lib/server/trends/trends-rollup-sql";
import { alertsInPeriod, bucketOf, bucketSeries, type TrendsScope } from "@/lib/server/trends/trends-sql";

export type VolumeRow = { bucket: string; low: number; medium: number; high: number; total: number };

/** (bucket, priority, n) rows: the team's from the hourly rollup, an analyst's own from alert. */
function counts(range: TrendsRange, scope: TrendsScope): Prisma.Sql {
  if (scope.assigneeId !== null) {
    return Prisma.sql`SELECT ${bucketOf(range)} AS b, a.priority::text AS priority, count(*)::int AS n
      FROM alert a WHERE ${alertsInPeriod(range, scope)} GROUP BY 1, 2`;
  }
  return Prisma.sql`WITH r AS (${rollupRows(range, "hour", Prisma.sql`'hour'`)})
    SELECT r.b, r.key1 AS priority, sum(r.alerts)::int AS n FROM r WHERE r.whole GROUP BY 1, 2
    UNION ALL
    SELECT ${bucketOf(range)}, a.priority::text, count(*)::int FROM ${recountedAlerts(range, "hour", Prisma.sql`a."firstSeen", a.priority`)} GROUP BY 1, 2`;
}

export function volumeByPrioritySql(range: TrendsRange, scope: TrendsScope): Prisma.Sql {
  return Prisma.sql`WITH buckets AS (${bucketSeries(range)}),
    counts AS (${counts(range, scope)})
    SELECT to_char(buckets.b, 'YYYY-MM-DD') AS bucket,
      coalesce(sum(n) FILTER (WHERE priority = 'low'), 0)::int AS low,
      coalesce(sum(n) FILTER (WHERE priority = 'medium'), 0)::int AS medium,
      coalesce(sum(n) FILTER (WHERE priority = 'high'), 0)::int AS high,
      coalesce(sum(n), 0)::int AS total
    FROM buckets LEFT JOIN counts ON counts.b = buckets.b
    GROUP BY buckets.b ORDER BY buckets.b`;
}

/** Alerts per local day/week, stacked by priority; every bucket of the range appears, empty ones as zero. */
export function findVolumeByPriority(range: TrendsRange, scope: TrendsScope): Promise<VolumeRow[]> {
  return queryTrends<VolumeRow>(volumeByPrioritySql(range, scope));
}
