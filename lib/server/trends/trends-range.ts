/** A report period: whole local days [from, to] in one IANA time zone, and the period just before it. */
export type TrendsRange = {
  from: string;
  to: string;
  tz: string;
  bucket: "day" | "week";
  days: number;
  previous: { from: string; to: string };
};

const DAY_MS = 86_400_000;

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Today's calendar date where the user is, so "last 30 days" ends on their today, not UTC's. */
export function localToday(tz: string, now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function resolveRange(
  input: { from?: string; to?: string; tz: string; bucket: "day" | "week" },
  now: Date,
  defaultDays = 30,
): TrendsRange {
  const to = input.to ?? localToday(input.tz, now);
  const from = input.from ?? addDays(to, -(defaultDays - 1));
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
  return { from, to, tz: input.tz, bucket: input.bucket, days, previous: { from: addDays(from, -days), to: addDays(from, -1) } };
}
