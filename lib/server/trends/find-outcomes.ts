import { db } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/client";
import type { TrendsRange } from "@/lib/server/trends/trends-range";
import { alertsInPeriod, bucketOf, bucketSeries, outcomeOf, type TrendsScope } from "@/lib/server/trends/trends-sql";

export const OUTCOMES = ["true_positive", "benign_positive", "false_positive", "duplicate", "undetermined"] as const;
export type OutcomeRow = { bucket: string } & Record<(typeof OUTCOMES)[number], number>;

/** Classified alerts per bucket (by when they were first seen), in the five closing-reason families. */
export function findOutcomes(range: TrendsRange, scope: TrendsScope): Promise<OutcomeRow[]> {
  return db.$queryRaw<OutcomeRow[]>(Prisma.sql`WITH buckets AS (${bucketSeries(range)}),
    counts AS (
      SELECT ${bucketOf(range)} AS b, ${outcomeOf} AS outcome, count(*)::int AS n
      FROM alert a WHERE ${alertsInPeriod(range, scope)} AND a.classification IS NOT NULL GROUP BY 1, 2)
    SELECT to_char(buckets.b, 'YYYY-MM-DD') AS bucket,
      coalesce(sum(n) FILTER (WHERE outcome = 'true_positive'), 0)::int AS true_positive,
      coalesce(sum(n) FILTER (WHERE outcome = 'benign_positive'), 0)::int AS benign_positive,
      coalesce(sum(n) FILTER (WHERE outcome = 'false_positive'), 0)::int AS false_positive,
      coalesce(sum(n) FILTER (WHERE outcome = 'duplicate'), 0)::int AS duplicate,
      coalesce(sum(n) FILTER (WHERE outcome = 'undetermined'), 0)::int AS undetermined
    FROM buckets LEFT JOIN counts ON counts.b = buckets.b
    GROUP BY buckets.b ORDER BY buckets.b`);
}
