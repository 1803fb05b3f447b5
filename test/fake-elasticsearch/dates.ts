import { allShardsFailed, badRequest, notImplemented } from "@/test/fake-elasticsearch/es-error";

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}(?::\d{2}(?::\d{2})?)?)(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, H: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** What a `date` field sorts missing values as (Long.MAX/MIN_VALUE), formatted the way ES prints them. */
export const MISSING_LAST = { asc: "+292278994-08-17T07:12:55.807Z", desc: "-292275055-05-16T16:47:04.192Z" } as const;

/** A stored value as a `date` field (millisecond resolution, sub-millisecond digits dropped); null if not a date. */
export function dateMs(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return Math.floor(value);
  if (typeof value !== "string") return null;
  const m = ISO_DATE.exec(value.trim());
  if (!m) return null;
  const [, day, time, fraction, zone] = m;
  const ms = fraction ? fraction.slice(0, 4).padEnd(4, "0") : "";
  const offset = zone && /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : (zone ?? "Z");
  const parsed = Date.parse(`${day}T${time ? time.padEnd(8, ":00").slice(0, 8) : "00:00:00"}${ms}${offset}`);
  return Number.isNaN(parsed) ? null : parsed;
}

export function looksLikeDate(value: unknown): boolean {
  return typeof value === "string" && ISO_DATE.test(value.trim());
}

/** A range bound: ISO, epoch millis, or date math (`now-5m`, `2024-01-01||+1d`; rounding is not implemented). */
export function boundMs(value: unknown, now: number): number {
  if (typeof value === "number") return Math.floor(value);
  if (typeof value !== "string") throw unparsable(value);
  const [anchor, math] = value.startsWith("now") ? ["now", value.slice(3)] : value.includes("||") ? value.split("||", 2) : [value, ""];
  let ms = anchor === "now" ? now : /^\d+$/.test(anchor) ? Number(anchor) : dateMs(anchor);
  if (ms === null) throw unparsable(value);
  const ops = math.matchAll(/([+-]\d+[yMwdhHms])|(\/[yMwdhHms])|(.)/g);
  for (const [, step, rounding, junk] of ops) {
    if (junk) throw unparsable(value);
    if (rounding) throw notImplemented(`date math rounding (${value})`);
    const unit = step.at(-1) as string;
    if (!(unit in UNIT_MS)) throw notImplemented(`date math unit [${unit}]`);
    ms += Number(step.slice(0, -1)) * UNIT_MS[unit];
  }
  return ms;
}

/** `strict_date_optional_time_nanos` rendering of a millisecond `date` value. */
export function formatDate(ms: number, order: "asc" | "desc"): string {
  if (!Number.isFinite(ms)) return MISSING_LAST[order];
  return new Date(ms).toISOString();
}

/** A search_after value for a date sort: formatted string or epoch millis. */
export function sortDateMs(value: unknown, order: "asc" | "desc"): number {
  if (value === MISSING_LAST.asc || (typeof value === "number" && value >= 9.2e18)) return Infinity;
  if (value === MISSING_LAST.desc || (typeof value === "number" && value <= -9.2e18)) return -Infinity;
  const ms = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : dateMs(value);
  if (ms === null) throw badRequest("illegal_argument_exception", `failed to parse date field [${String(value)}] with format [strict_date_optional_time_nanos] (search_after, ${order})`);
  return ms;
}

/** Elasticsearch time values (`keep_alive=1m`). */
export function durationMs(text: string, setting: string): number {
  const m = /^(\d+)(nanos|micros|ms|s|m|h|d)$/.exec(text.trim());
  if (!m) throw badRequest("illegal_argument_exception", `failed to parse setting [${setting}] with value [${text}] as a time value: unit is missing or unrecognized`);
  const factor = { nanos: 1e-6, micros: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "ms"];
  return Number(m[1]) * factor;
}

function unparsable(value: unknown) {
  const reason = `failed to parse date field [${String(value)}] with format [strict_date_optional_time||epoch_millis]`;
  return allShardsFailed(400, { type: "parse_exception", reason });
}
