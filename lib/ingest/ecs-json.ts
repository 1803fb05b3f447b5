import type { EcsEvent } from "@/lib/ecs/event";

/**
 * Turns one parsed JSON value into an ECS event. Elasticsearch hits (`{_id, _index, _source}`) are
 * unwrapped to `_source`, and the hit's `_id`/`_index` are kept as top-level `_id`/`_index` keys —
 * metadata names ECS never uses, so they cannot collide with event fields and CLI output can echo
 * them like an ES hit. Dotted keys (`"process.name"`) are expanded to nested objects, merging with
 * nested siblings. Returns null for values that are not JSON objects.
 */
export function toEcsEvent(value: unknown): EcsEvent | null {
  if (!isObject(value)) return null;
  if (isObject(value._source)) {
    const event = expandDotted(value._source);
    if (typeof value._id === "string") event._id = value._id;
    if (typeof value._index === "string") event._index = value._index;
    return event;
  }
  return expandDotted(value);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Copies only when a dotted key exists anywhere, so already-nested events cost one scan. */
function expandDotted(source: Record<string, unknown>): EcsEvent {
  if (!hasDottedKey(source)) return source;
  const out: EcsEvent = {};
  for (const key of Object.keys(source)) {
    const value = isObject(source[key]) ? expandDotted(source[key] as Record<string, unknown>) : source[key];
    const parts = key === "@timestamp" || !key.includes(".") ? [key] : key.split(".");
    let target = out;
    for (let i = 0; i < parts.length - 1; i++) {
      const next = target[parts[i]];
      target = isObject(next) ? next : (target[parts[i]] = {}) as EcsEvent;
    }
    const last = parts[parts.length - 1];
    const existing = target[last];
    target[last] = isObject(existing) && isObject(value) ? merge(existing, value) : value;
  }
  return out;
}

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(b)) a[k] = isObject(a[k]) && isObject(v) ? merge(a[k] as Record<string, unknown>, v) : v;
  return a;
}

function hasDottedKey(o: Record<string, unknown>): boolean {
  for (const key in o) {
    if (key.includes(".")) return true;
    const v = o[key];
    if (isObject(v) && hasDottedKey(v)) return true;
  }
  return false;
}
