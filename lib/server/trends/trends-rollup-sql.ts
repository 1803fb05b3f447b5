import { Prisma } from "@/lib/server/db/generated/client";
import type { TrendsRange } from "@/lib/server/trends/trends-range";
import { localTime, periodEnd, periodStart } from "@/lib/server/trends/trends-sql";

// alert_trends_count (migration trends_speed) holds team-wide counts per UTC hour or day ("slot"). A
// period's local days rarely start on a UTC day, and a +05:30 zone's midnight cuts a UTC hour: a slot's
// rollup row is used only when the slot lies wholly inside the period and, for a chart by local day or
// week, inside one bucket; the alerts of the other slots are recounted from alert, so every figure is
// exact in every time zone. Bounds are constants for the planner and the hours cut by a local midnight
// are looped over as an array (which it takes for 10 slots), so it plans index range scans.

export type SlotUnit = "hour" | "day";

const STEP = { hour: Prisma.sql`interval '1 hour'`, day: Prisma.sql`interval '1 day'` };

/** Rows (as `r`, a CTE): alert_trends_count's `dimension` rows of the slots inside the period, with each slot's bucket `b` and `whole`. */
export function rollupRows(range: TrendsRange, unit: SlotUnit, dimension: Prisma.Sql): Prisma.Sql {
  const first = firstWholeSlot(range, unit);
  const last = Prisma.sql`date_trunc(${unit}::text, ${periodEnd(range)})`;
  const rows = Prisma.sql`c.dimension = ${dimension} AND c.slot >= ${first} AND c.slot < ${last}`;
  if (unit === "day") return Prisma.sql`SELECT c.*, NULL::timestamp AS b, true AS whole FROM alert_trends_count c WHERE ${rows}`;
  // Each hour's bucket is worked out once, not once per rollup row of that hour.
  const { b, whole } = slotBucket(range);
  return Prisma.sql`SELECT c.*, h.b, h.whole
    FROM (SELECT slot, ${b} AS b, ${whole} AS whole FROM generate_series(${first}, ${last} - interval '1 hour', interval '1 hour') slot) h
    JOIN alert_trends_count c ON ${rows} AND c.slot = h.slot`;
}

/** The first slot boundary at or after the period's start. */
function firstWholeSlot(range: TrendsRange, unit: SlotUnit): Prisma.Sql {
  const start = periodStart(range);
  return Prisma.sql`CASE WHEN date_trunc(${unit}::text, ${start}) = ${start} THEN ${start} ELSE date_trunc(${unit}::text, ${start}) + ${STEP[unit]} END`;
}

/** An hour slot's local bucket, and whether all of the hour is in it: no clock change inside, the same bucket at its end. */
function slotBucket(range: Pick<TrendsRange, "tz" | "bucket">) {
  const last = Prisma.sql`(slot + interval '1 hour' - interval '1 millisecond')`;
  const label = (at: Prisma.Sql) => Prisma.sql`date_trunc(${range.bucket}::text, ${localTime(at, range.tz)})`;
  return {
    b: label(Prisma.sql`slot`),
    whole: Prisma.sql`(${label(Prisma.sql`slot`)} = ${label(last)}
      AND ${localTime(last, range.tz)} - ${localTime(Prisma.sql`slot`, range.tz)} = interval '1 hour' - interval '1 millisecond')`,
  };
}

/**
 * The period's alerts that the rollup rows `r` do not answer for, as a FROM item `a` with `columns`: those
 * of the partial first and last slot (constant ranges) and, by the hour, of the slots `r` marks as not whole.
 */
export function recountedAlerts(range: TrendsRange, unit: SlotUnit, columns: Prisma.Sql): Prisma.Sql {
  const start = periodStart(range);
  const end = periodEnd(range);
  const first = firstWholeSlot(range, unit);
  const edges = Prisma.sql`SELECT ${columns} FROM alert a
    WHERE (a."firstSeen" >= ${start} AND a."firstSeen" < least(${first}, ${end}))
       OR (a."firstSeen" >= greatest(date_trunc(${unit}::text, ${end}), ${first}) AND a."firstSeen" < ${end})`;
  if (unit === "day") return Prisma.sql`(${edges}) a`;
  return Prisma.sql`(${edges}
    UNION ALL
    SELECT ${columns} FROM unnest(ARRAY(SELECT DISTINCT slot FROM r WHERE NOT whole)) AS cut(slot) JOIN alert a
      ON a."firstSeen" >= cut.slot AND a."firstSeen" < cut.slot + interval '1 hour' AND a."firstSeen" >= ${start} AND a."firstSeen" < ${end}) a`;
}
