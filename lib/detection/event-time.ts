const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

// Events come many to a second: the second of the last canonical timestamp is kept, so the next one
// of the same second costs its three millisecond digits instead of a Date.parse.
let cachedSecond = "\u0000";
let cachedSecondMs = Number.NaN;

/**
 * `@timestamp` → epoch milliseconds, as ES orders events (sub-millisecond digits are dropped).
 * Returns NaN when absent or unparseable; such events cannot be ordered and are skipped.
 */
export function eventTimeMs(event: Record<string, unknown>): number {
  const raw = event["@timestamp"];
  if (typeof raw === "number") return Math.floor(raw);
  if (typeof raw !== "string") return Number.NaN;
  // The common shape goes straight to Date.parse; longer fractions are trimmed to milliseconds.
  if (raw.length === 24 && CANONICAL.test(raw)) return canonicalTimeMs(raw);
  const fraction = /(\.\d{3})\d+/.exec(raw);
  return Math.floor(Date.parse(fraction ? raw.replace(fraction[0], fraction[1]) : raw));
}

function canonicalTimeMs(raw: string): number {
  const millis = (raw.charCodeAt(20) - 48) * 100 + (raw.charCodeAt(21) - 48) * 10 + (raw.charCodeAt(22) - 48);
  if (raw.startsWith(cachedSecond)) return cachedSecondMs + millis;
  const ms = Date.parse(raw);
  // Whether a date is valid never depends on its milliseconds, except at hour 24 (only T24:00:00.000).
  if (raw.charCodeAt(11) !== 0x32 || raw.charCodeAt(12) !== 0x34) {
    cachedSecond = raw.slice(0, 19);
    cachedSecondMs = ms - millis;
  }
  return ms;
}
