import { db } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/client";
import type { TrendsRange } from "@/lib/server/trends/trends-range";
import { alertsInPeriod, type TrendsScope } from "@/lib/server/trends/trends-sql";

export type RuleFalsePositiveRow = { ruleId: string; ruleName: string; alerts: number; closed: number; falsePositives: number; rate: number | null };

/** False-positive rate per rule: closed as false_positive_* over all closed alerts of that rule. */
export function findRuleFalsePositives(range: TrendsRange, scope: TrendsScope): Promise<RuleFalsePositiveRow[]> {
  return db.$queryRaw<RuleFalsePositiveRow[]>(Prisma.sql`SELECT r.*,
      CASE WHEN r.closed > 0 THEN r."falsePositives"::float8 / r.closed END AS rate
    FROM (
      SELECT a."ruleId", max(a."ruleName") AS "ruleName", count(*)::int AS alerts,
        count(*) FILTER (WHERE a.status = 'closed')::int AS closed,
        count(*) FILTER (WHERE a.status = 'closed' AND a.classification LIKE 'false_positive%')::int AS "falsePositives"
      FROM alert a WHERE ${alertsInPeriod(range, scope)} GROUP BY a."ruleId") r
    ORDER BY rate DESC NULLS LAST, r.alerts DESC, r."ruleId" LIMIT 50`);
}
