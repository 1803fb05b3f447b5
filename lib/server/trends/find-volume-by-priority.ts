import { db } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/client";
import type { TrendsRange } from "@/lib/server/trends/trends-range";
import { alertsInPeriod, bucketOf, bucketSeries, type TrendsScope } from "@/lib/server/trends/trends-sql";

export type VolumeRow = { bucket: string; low: number; medium: number; high: number; total: number };

export function volumeByPrioritySql(range: TrendsRange, scope: TrendsScope): Prisma.Sql {
  return Prisma.sql`WITH buckets AS (${bucketSeries(range)}),
    counts AS (
      SELECT ${bucketOf(range)} AS b, a.priority, count(*)::int AS n
      FROM alert a WHERE ${alertsInPeriod(range, scope)} GROUP BY 1, 2)
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
  return db.$queryRaw<VolumeRow[]>(volumeByPrioritySql(range, scope));
}
