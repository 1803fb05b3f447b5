import { Prisma } from "@/lib/server/db/generated/client";
import { queryTrends } from "@/lib/server/trends/query-trends";
import type { TrendsRange } from "@/lib/server/trends/trends-range";
import { recountedAlerts, rollupRows } from "@/lib/server/trends/trends-rollup-sql";
import { alertsInPeriod, bucketOf, bucketSeries, outcomeOf, type TrendsScope } from "@/lib/server/trends/trends-sql";

export const OUTCOMES = ["true_positive", "benign_positive", "false_positive", "duplicate", "undetermined"] as const;
export type OutcomeRow = { bucket: string } & Record<(typeof OUTCOMES)[number], number>;

/** (bucket, outcome, n) rows of classified alerts: the team's from the hourly rollup, an analyst's own from alert. */
function counts(range: TrendsRange, scope: TrendsScope): Prisma.Sql {
  if (scope.assigneeId !== null) {
    return Prisma.sql`SELECT ${bucketOf(range)} AS b, ${outcomeOf} AS outcome, count(*)::int AS n
      FROM alert a WHERE ${alertsInPeriod(range, scope)} AND a.classification IS NOT NULL GROUP BY 1, 2`;
  }
  // The rollup's key2 is the family ('' = not classified).
  return Prisma.sql`WITH r AS (${rollupRows(range, "hour", Prisma.sql`'hour'`)})
    SELECT r.b, r.key2 AS outcome, sum(r.alerts)::int AS n FROM r WHERE r.whole AND r.key2 <> '' GROUP BY 1, 2
    UNION ALL
    SELECT ${bucketOf(range)}, ${outcomeOf}, count(*)::int FROM ${recountedAlerts(range, "hour", Prisma.sql`a."firstSeen", a.classification`)}
    WHERE a.classification IS NOT NULL GROUP BY 1, 2`;
}

/** Classified alerts per bucket (by when they were first seen), in the five closing-reason families. */
export function findOutcomes(range: TrendsRange, scope: TrendsScope): Promise<OutcomeRow[]> {
  return queryTrends<OutcomeRow>(Prisma.sql`WITH buckets AS (${bucketSeries(range)}),
    counts AS (${counts(range, scope)})
    SELECT to_char(buckets.b, 'YYYY-MM-DD') AS bucket,
      coalesce(sum(n) FILTER (WHERE outcome = 'true_positive'), 0)::int AS true_positive,
      coalesce(sum(n) FILTER (WHERE outcome = 'benign_positive'), 0)::int AS benign_positive,
      coalesce(sum(n) FILTER (WHERE outcome = 'false_positive'), 0)::int AS false_positive,
      coalesce(sum(n) FILTER (WHERE outcome = 'duplicate'), 0)::int AS duplicate,
      coalesce(sum(n) FILTER (WHERE outcome = 'undetermined'), 0)::int AS undetermined
    FROM buckets LEFT JOIN counts ON counts.b = buckets.b
    GROUP BY buckets.b ORDER BY buckets.b`);
}
