import { db } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/client";
import type { TrendsScope } from "@/lib/server/trends/trends-sql";

export type BacklogRow = { age: string; low: number; medium: number; high: number; total: number };

/** Alerts not closed yet, right now, by how long ago they were raised and by priority (the range does not apply). */
export function findBacklog(scope: TrendsScope, now: Date): Promise<BacklogRow[]> {
  const assignee = scope.assigneeId === null ? Prisma.empty : Prisma.sql`AND a."assigneeId" = ${scope.assigneeId}`;
  return db.$queryRaw<BacklogRow[]>(Prisma.sql`WITH ages(age, lo, hi, ord) AS (VALUES
        ('< 1 h', 0, 3600, 1), ('1–4 h', 3600, 14400, 2), ('4–24 h', 14400, 86400, 3),
        ('1–3 d', 86400, 259200, 4), ('3–7 d', 259200, 604800, 5), ('> 7 d', 604800, NULL, 6)),
      backlog AS (
        SELECT a.priority, extract(epoch FROM (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - a."createdAt") AS seconds
        FROM alert a WHERE a.status IN ('open', 'acknowledged') ${assignee})
    SELECT ages.age,
      count(b.priority) FILTER (WHERE b.priority = 'low')::int AS low,
      count(b.priority) FILTER (WHERE b.priority = 'medium')::int AS medium,
      count(b.priority) FILTER (WHERE b.priority = 'high')::int AS high,
      count(b.priority)::int AS total
    FROM ages LEFT JOIN backlog b ON greatest(b.seconds, 0) >= ages.lo AND (ages.hi IS NULL OR b.seconds < ages.hi)
    GROUP BY ages.age, ages.ord ORDER BY ages.ord`);
}
