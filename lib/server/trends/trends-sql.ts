import { Prisma } from "@/lib/server/db/generated/client";
import type { TrendsRange } from "@/lib/server/trends/trends-range";

/** Whose figures: `null` is everyone (managers, leads, admins); an analyst only ever gets their own id here. */
export type TrendsScope = { assigneeId: string | null };

type Period = Pick<TrendsRange, "from" | "to" | "tz">;

// Timestamps are stored as UTC without a zone: convert to the user's zone explicitly, never via the session.
// Every value below is a bound parameter; only fixed SQL text is concatenated.
export const localTime = (column: Prisma.Sql, tz: string) => Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})`;

const utcStartOf = (day: Prisma.Sql, tz: string) => Prisma.sql`((${day}::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC')`;

/** The period's UTC bounds [start, end): its first local day's start, the start of the day after its last. */
export const periodStart = (period: Period) => utcStartOf(Prisma.sql`${period.from}::date`, period.tz);
export const periodEnd = (period: Period) => utcStartOf(Prisma.sql`(${period.to}::date + 1)`, period.tz);

/** Alerts first seen during the period's local days (DST-safe: each bound is converted on its own). */
export function alertsInPeriod(period: Period, scope: TrendsScope): Prisma.Sql {
  const assignee = scope.assigneeId === null ? Prisma.empty : Prisma.sql`AND a."assigneeId" = ${scope.assigneeId}`;
  return Prisma.sql`a."firstSeen" >= ${periodStart(period)} AND a."firstSeen" < ${periodEnd(period)} ${assignee}`;
}

/** Every local day or week (Monday) of the period, so empty buckets come out as zero rows. */
export function bucketSeries(range: Pick<TrendsRange, "from" | "to" | "bucket">): Prisma.Sql {
  return Prisma.sql`SELECT generate_series(
      date_trunc(${range.bucket}::text, ${range.from}::date::timestamp),
      date_trunc(${range.bucket}::text, ${range.to}::date::timestamp),
      ('1 ' || ${range.bucket}::text)::interval) AS b`;
}

export const bucketOf = (range: Pick<TrendsRange, "bucket" | "tz">) =>
  Prisma.sql`date_trunc(${range.bucket}::text, ${localTime(Prisma.sql`a."firstSeen"`, range.tz)})`;

/**
 * Per alert of the period: seconds from being raised to the first move out of "open" (acknowledged) and to
 * the LAST move to "closed" — only while it is still closed, so a reopened alert counts from its final close.
 */
export function alertTimes(period: Period, scope: TrendsScope): Prisma.Sql {
  // ackSeconds / closeSeconds are stored generated columns (migration trends_speed) over acknowledgedAt /
  // closedAt, the history rollup kept by a trigger on alert_history (migration trends_rollup). Only
  // columns of alert_trends_times_idx, so every caller is an index-only scan.
  return Prisma.sql`SELECT a.priority, a.status, a.classification, a."assigneeId", a."createdAt", a."ackSeconds" AS tta, a."closeSeconds" AS ttc
    FROM alert a
    WHERE ${alertsInPeriod(period, scope)}`;
}

/** The five closing-reason families the issue names (Sentinel/TheHive style). */
export const outcomeOf = Prisma.sql`CASE
    WHEN a.classification LIKE 'true_positive%' THEN 'true_positive'
    WHEN a.classification LIKE 'benign_positive%' THEN 'benign_positive'
    WHEN a.classification LIKE 'false_positive%' THEN 'false_positive'
    WHEN a.classification = 'duplicate' THEN 'duplicate'
    ELSE 'undetermined' END`;

export const BASELINE_CLASSIFICATION = "benign_positive_approved_admin";

/** Percentile of a seconds column, rounded to whole seconds (float artefacts are noise at this scale). */
export const percentileSec = (fraction: number, column: Prisma.Sql) =>
  Prisma.sql`round((percentile_cont(${fraction}::float8) WITHIN GROUP (ORDER BY ${column}))::numeric)::float8`;
