import { Prisma } from "@/lib/server/db/generated/client";
import { queryTrends } from "@/lib/server/trends/query-trends";
import type { TrendsRange } from "@/lib/server/trends/trends-range";
import { recountedAlerts, rollupRows } from "@/lib/server/trends/trends-rollup-sql";
import { alertsInPeriod, type TrendsScope } from "@/lib/server/trends/trends-sql";

export type TopEntry = { value: string; count: number };
export type TopEntities = { hosts: TopEntry[]; users: TopEntry[]; destinations: TopEntry[] };
type Raw = TopEntry & { kind: "host" | "user" | "destination" };

// One alert's entities, as the rollup counts them (NULL destinations are no entity).
const entities = Prisma.sql`(SELECT 'host' AS kind, a."sourceHost" AS value WHERE a."sourceHost" IS NOT NULL
    UNION ALL SELECT 'user', a."userName" WHERE a."userName" IS NOT NULL
    UNION ALL SELECT 'destination', d FROM unnest(a.destinations) d WHERE d IS NOT NULL) e`;

/** (kind, value, n) rows: the team's from the daily rollup, an analyst's own from alert. */
function counts(range: TrendsRange, scope: TrendsScope): Prisma.Sql {
  if (scope.assigneeId !== null) {
    return Prisma.sql`SELECT e.kind, e.value, count(*) AS n FROM alert a CROSS JOIN LATERAL ${entities}
      WHERE ${alertsInPeriod(range, scope)} GROUP BY 1, 2`;
  }
  return Prisma.sql`WITH r AS (${rollupRows(range, "day", Prisma.sql`ANY (ARRAY['host', 'user', 'destination'])`)})
    SELECT r.dimension, r.key1, sum(r.alerts) FROM r GROUP BY 1, 2
    UNION ALL
    SELECT e.kind, e.value, count(*) FROM ${recountedAlerts(range, "day", Prisma.sql`a."sourceHost", a."userName", a.destinations`)} CROSS JOIN LATERAL ${entities} GROUP BY 1, 2`;
}

/** The ten most frequent source hosts, users and destinations of the period (ties broken by name). */
export async function findTopEntities(range: TrendsRange, scope: TrendsScope, limit = 10): Promise<TopEntities> {
  const rows = await queryTrends<Raw>(Prisma.sql`WITH counts(kind, value, n) AS (${counts(range, scope)}),
    totals AS (SELECT kind, value, sum(n)::int AS count FROM counts GROUP BY 1, 2 HAVING sum(n) > 0)
    SELECT kind, value, count FROM (
      SELECT *, row_number() OVER (PARTITION BY kind ORDER BY count DESC, value) AS rank FROM totals) ranked
    WHERE rank <= ${limit} ORDER BY kind, rank`);
  const pick = (kind: Raw["kind"]) => rows.filter((row) => row.kind === kind).map(({ value, count }) => ({ value, count }));
  return { hosts: pick("host"), users: pick("user"), destinations: pick("destination") };
}
