/** The report's parameters live in the URL, so a report can be bookmarked and forwarded as a link. */
export type TrendsParams = { from: string; to: string; tz: string; bucket: "day" | "week" };
export const PRESETS = [7, 30, 90] as const;

const DAY_MS = 86_400_000;

export function localToday(tz: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function presetRange(days: number, tz: string, now = new Date()): Pick<TrendsParams, "from" | "to"> {
  const to = localToday(tz, now);
  return { from: new Date(Date.parse(to) - (days - 1) * DAY_MS).toISOString().slice(0, 10), to };
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export function paramsFromSearch(search: URLSearchParams, fallbackTz: string): TrendsParams {
  const tz = search.get("tz") || fallbackTz;
  const preset = presetRange(30, tz);
  return {
    from: search.get("from") || preset.from,
    to: search.get("to") || preset.to,
    tz,
    bucket: search.get("bucket") === "week" ? "week" : "day",
  };
}

export const toSearch = (params: TrendsParams) => new URLSearchParams(params).toString();

/** Which preset a range equals (so its button shows as pressed), or null for a custom range. */
export function matchingPreset(params: TrendsParams): number | null {
  const days = Math.round((Date.parse(params.to) - Date.parse(params.from)) / DAY_MS) + 1;
  return PRESETS.find((preset) => preset === days && params.to === localToday(params.tz)) ?? null;
}
