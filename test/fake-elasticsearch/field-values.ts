/**
 * Values of a field as Elasticsearch indexes them: `{"a":{"b":1}}`, `{"a.b":1}` and
 * `{"a":[{"b":1},{"b":2}]}` all give `a.b`; arrays flatten; null and missing give nothing.
 */
export function fieldValues(source: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(source, path, out);
  return out;
}

function collect(node: unknown, path: string, out: unknown[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, path, out);
    return;
  }
  if (path === "") {
    if (node !== null && node !== undefined) out.push(node);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === path) collect(value, "", out);
    else if (path.startsWith(`${key}.`)) collect(value, path.slice(key.length + 1), out);
  }
}

/** Dotted paths of every leaf value, i.e. the fields dynamic mapping would create. */
export function leafPaths(source: unknown, prefix = "", out = new Set<string>()): Set<string> {
  if (Array.isArray(source)) {
    for (const item of source) leafPaths(item, prefix, out);
  } else if (typeof source === "object" && source !== null) {
    for (const [key, value] of Object.entries(source)) leafPaths(value, prefix ? `${prefix}.${key}` : key, out);
  } else if (source !== null && source !== undefined && prefix) {
    out.add(prefix);
  }
  return out;
}
