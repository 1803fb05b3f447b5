/**
 * `Retry-After` → milliseconds. Accepts delta-seconds or an HTTP date; a date is measured against the
 * response's own `Date` header when present, so a cluster whose clock is off still gets the delay it meant.
 */
export function parseRetryAfterMs(value: unknown, responseDate?: unknown, now = Date.now()): number | undefined {
  const raw = firstHeader(value)?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return undefined;
  const serverNow = Date.parse(firstHeader(responseDate) ?? "");
  return Math.max(0, at - (Number.isNaN(serverNow) ? now : serverNow));
}

export function firstHeader(value: unknown): string | undefined {
  if (Array.isArray(value)) return typeof value[0] === "string" ? value[0] : undefined;
  return typeof value === "string" ? value : undefined;
}
