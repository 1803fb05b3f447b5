import { Prisma } from "@/lib/server/db/generated/client";
import { queryTrends } from "@/lib/server/trends/query-trends";
import type { TrendsRange } from "@/lib/server/trends/trends-range";
import { recountedAlerts, rollupRows } from "@/lib/server/trends/trends-rollup-sql";
import { alertsInPeriod, type TrendsScope } from "@/lib/server/trends/trends-sql";

export type RuleFalsePositiveRow = { ruleId: string; ruleName: string; alerts: number; closed: number; falsePositives: number; rate: number | null };

const closed = Prisma.sql`CASE WHEN a.status = 'closed' THEN 1 ELSE 0 END`;
const falsePositive = Prisma.sql`CASE WHEN a.status = 'closed' AND a.classification LIKE 'false_positive%' THEN 1 ELSE 0 END`;

/** Per-alert or per-rollup-row (ruleId, ruleName, alerts, closed, fp): the team's from the daily rollup, an analyst's own from alert. */
function counts(range: TrendsRange, scope: TrendsScope): Prisma.Sql {
  if (scope.assigneeId !== null) {
    return Prisma.sql`SELECT a."ruleId", a."ruleName", 1 AS alerts, ${closed} AS closed, ${falsePositive} AS fp
      FROM alert a WHERE ${alertsInPeriod(range, scope)}`;
  }
  // Zero rows (every alert of that rule and day gone) must not lend the rule their name.
  return Prisma.sql`WITH r AS (${rollupRows(range, "day", Prisma.sql`'rule'`)})
    SELECT r.key1, r.key2, r.alerts, r.closed, r."falsePositives" FROM r WHERE r.alerts > 0
    UNION ALL
    SELECT a."ruleId", a."ruleName", 1, ${closed}, ${falsePositive} FROM ${recountedAlerts(range, "day", Prisma.sql`a."ruleId", a."ruleName", a.status, a.classification`)}`;
}

/** False-positive rate per rule: closed as false_positive_* over all closed alerts of that rule. */
export function findRuleFalsePositives(range: TrendsRange, scope: TrendsScope): Promise<RuleFalsePositiveRow[]> {
  return queryTrends<RuleFalsePositiveRow>(Prisma.sql`WITH counts("ruleId", "ruleName", alerts, closed, fp) AS (${counts(range, scope)})
    SELECT r.*, CASE WHEN r.closed > 0 THEN r."falsePositives"::float8 / r.closed END AS rate
    FROM (
      SELECT "ruleId", max("ruleName") AS "ruleName", sum(alerts)::int AS alerts, sum(closed)::int AS closed, sum(fp)::int AS "falsePositives"
      FROM counts GROUP BY "ruleId") r
    ORDER BY rate DESC NULLS LAST, r.alerts DESC, r."ruleId" LIMIT 50`);
}
