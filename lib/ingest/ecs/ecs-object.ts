import type { EcsEvent } from "@/lib/ecs/event";

/** Sets a dotted path, creating nested objects, so events come out in the nested `_source` shape. */
export function setPath(target: EcsEvent, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== "object" || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

export function getPath(source: EcsEvent, path: string): unknown {
  let node: unknown = source;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Elasticsearch `convert: long` on a string: decimal, optional sign; anything else is dropped. */
export function toLong(v: string | undefined): number | undefined {
  if (v === undefined || !/^[+-]?\d+$/.test(v.trim())) return undefined;
  const n = Number(v.trim());
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Java `Long.decode`: decimal, 0x/0X/# hex or leading-0 octal. */
export function longDecode(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /^([+-]?)(0[xX]|#|0(?=\d))?([0-9a-fA-F]+)$/.exec(v);
  if (!m) return undefined;
  const radix = m[2] === undefined ? 10 : m[2] === "0" ? 8 : 16;
  const n = parseInt(m[3], radix);
  if (Number.isNaN(n) || !Number.isSafeInteger(n) || (radix === 10 && !/^\d+$/.test(m[3]))) return undefined;
  return m[1] === "-" ? -n : n;
}
