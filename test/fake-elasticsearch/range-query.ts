import { boundMs, dateMs, looksLikeDate } from "@/test/fake-elasticsearch/dates";
import { badRequest, notImplemented } from "@/test/fake-elasticsearch/es-error";
import { parsing, singleField, valuesOf, type DocPredicate, type Params } from "@/test/fake-elasticsearch/dsl-helpers";

/**
 * `range` on dates (ISO strings or epoch millis, compared at millisecond resolution as a `date`
 * field; `now±N<unit>` date math), numbers, or strings (keyword order).
 */
export function compileRange(body: Params, now: number): DocPredicate {
  const [field, spec] = singleField("range", body);
  if (typeof spec !== "object" || spec === null) throw parsing("[range] query malformed, no start_object after query name");
  const bounds = spec as Params;
  for (const key of Object.keys(bounds)) {
    if (["from", "to", "include_lower", "include_upper"].includes(key)) throw notImplemented(`the legacy range parameter [${key}]`);
    if (!["gte", "gt", "lte", "lt", "format", "time_zone", "boost", "relation", "_name"].includes(key)) throw parsing(`[range] query does not support [${key}]`);
  }
  if (bounds.time_zone !== undefined && !["UTC", "Z", "+00:00"].includes(String(bounds.time_zone))) throw notImplemented("range time_zone other than UTC");
  const checks: [string, (c: number) => boolean][] = [
    ["gte", (c) => c >= 0],
    ["gt", (c) => c > 0],
    ["lte", (c) => c <= 0],
    ["lt", (c) => c < 0],
  ];
  const active = checks.filter(([key]) => bounds[key] !== undefined && bounds[key] !== null);
  const dateField = field === "@timestamp";
  const dateBounds = new Map(active.map(([key]) => [key, dateField || looksLikeDate(bounds[key]) ? boundMs(bounds[key], now) : null]));
  return (doc) =>
    valuesOf(doc, field).some((v) =>
      active.every(([key, ok]) => {
        const c = compareToBound(v, bounds[key], dateBounds.get(key) ?? null, dateField);
        return c !== null && ok(c);
      }),
    );
}

function compareToBound(value: unknown, bound: unknown, boundDate: number | null, dateField: boolean): number | null {
  if (dateField || (boundDate !== null && looksLikeDate(value))) {
    const v = dateMs(value);
    const b = boundDate ?? dateMs(bound);
    return v === null || b === null ? null : Math.sign(v - b);
  }
  if (typeof value === "number") {
    const b = Number(bound);
    if (Number.isNaN(b)) throw badRequest("number_format_exception", `For input string: "${String(bound)}"`);
    return Math.sign(value - b);
  }
  if (typeof value === "string") return value < String(bound) ? -1 : value > String(bound) ? 1 : 0;
  return null;
}
