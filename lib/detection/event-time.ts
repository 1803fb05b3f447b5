const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * `@timestamp` → epoch milliseconds, as ES orders events (sub-millisecond digits are dropped).
 * Returns NaN when absent or unparseable; such events cannot be ordered and are skipped.
 */
export function eventTimeMs(event: Record<string, unknown>): number {
  const raw = event["@timestamp"];
  if (typeof raw === "number") return Math.floor(raw);
  if (typeof raw !== "string") return Number.NaN;
  // The common shape goes straight to Date.parse; longer fractions are trimmed to milliseconds.
  if (raw.length === 24 && CANONICAL.test(raw)) return Date.parse(raw);
  const fraction = /(\.\d{3})\d+/.exec(raw);
  return Math.floor(Date.parse(fraction ? raw.replace(fraction[0], fraction[1]) : raw));
}
