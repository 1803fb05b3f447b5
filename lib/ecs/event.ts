/** A normalized ECS event as plain JSON: nested objects, arrays allowed anywhere. */
export type EcsEvent = { [key: string]: unknown };

/**
 * Reads a dotted ECS path. Elasticsearch treats `{"process":{"name":x}}` and `{"process.name":x}`
 * as the same field, so both shapes (and mixes such as `{"process":{"parent.name":x}}`) resolve.
 */
export function getField(event: unknown, path: string): unknown {
  if (event === null || typeof event !== "object") return undefined;
  const record = event as Record<string, unknown>;
  if (path in record) return record[path];
  let dot = path.indexOf(".");
  while (dot !== -1) {
    const head = path.slice(0, dot);
    if (head in record) {
      const found = getField(record[head], path.slice(dot + 1));
      if (found !== undefined) return found;
    }
    dot = path.indexOf(".", dot + 1);
  }
  return undefined;
}
