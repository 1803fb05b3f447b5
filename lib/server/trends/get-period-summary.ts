import { Prisma } from "@/lib/server/db/generated/client";
import { queryTrends } from "@/lib/server/trends/query-trends";
import type { TrendsRange } from "@/lib/server/trends/trends-range";
import { alertTimes, percentileSec, BASELINE_CLASSIFICATION, type TrendsScope } from "@/lib/server/trends/trends-sql";

export type PeriodSummary = {
  alerts: number;
  high: number;
  ackMedianSec: number | null;
  closeMedianSec: number | null;
  closed: number;
  falsePositives: number;
  /** Closed as false positive / closed. */
  falsePositiveRate: number | null;
  baselineHandled: number;
  /** Closed as approved admin activity (the baseline's classification) / all alerts of the period. */
  baselineShare: number | null;
};

/** The KPI tiles' figures for one period (called for the chosen period and the one before it). */
export async function getPeriodSummary(period: Pick<TrendsRange, "from" | "to" | "tz">, scope: TrendsScope): Promise<PeriodSummary> {
  const [row] = await queryTrends<Omit<PeriodSummary, "falsePositiveRate" | "baselineShare">>(Prisma.sql`
    WITH t AS (${alertTimes(period, scope)})
    SELECT count(*)::int AS alerts,
      count(*) FILTER (WHERE t.priority = 'high')::int AS high,
      ${percentileSec(0.5, Prisma.sql`t.tta`)} AS "ackMedianSec",
      ${percentileSec(0.5, Prisma.sql`t.ttc`)} AS "closeMedianSec",
      count(*) FILTER (WHERE t.status = 'closed')::int AS closed,
      count(*) FILTER (WHERE t.status = 'closed' AND t.classification LIKE 'false_positive%')::int AS "falsePositives",
      count(*) FILTER (WHERE t.status = 'closed' AND t.classification = ${BASELINE_CLASSIFICATION})::int AS "baselineHandled"
    FROM t`);
  return {
    ...row,
    falsePositiveRate: row.closed ? row.falsePositives / row.closed : null,
    baselineShare: row.alerts ? row.baselineHandled / row.alerts : null,
  };
}
