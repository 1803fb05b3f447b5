import { db } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/client";
import type { TrendsRange } from "@/lib/server/trends/trends-range";
import { alertsInPeriod, type TrendsScope } from "@/lib/server/trends/trends-sql";

export type TopEntry = { value: string; count: number };
export type TopEntities = { hosts: TopEntry[]; users: TopEntry[]; destinations: TopEntry[] };
type Raw = TopEntry & { kind: "host" | "user" | "destination" };

/** The ten most frequent source hosts, users and destinations of the period (ties broken by name). */
export async function findTopEntities(range: TrendsRange, scope: TrendsScope, limit = 10): Promise<TopEntities> {
  const where = alertsInPeriod(range, scope);
  const rows = await db.$queryRaw<Raw[]>(Prisma.sql`
    (SELECT 'host' AS kind, a."sourceHost" AS value, count(*)::int AS count FROM alert a
      WHERE ${where} AND a."sourceHost" IS NOT NULL GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT ${limit})
    UNION ALL
    (SELECT 'user', a."userName", count(*)::int FROM alert a
      WHERE ${where} AND a."userName" IS NOT NULL GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT ${limit})
    UNION ALL
    (SELECT 'destination', d, count(*)::int FROM alert a CROSS JOIN LATERAL unnest(a.destinations) AS d
      WHERE ${where} GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT ${limit})`);
  const pick = (kind: Raw["kind"]) => rows.filter((row) => row.kind === kind).map(({ value, count }) => ({ value, count }));
  return { hosts: pick("host"), users: pick("user"), destinations: pick("destination") };
}
