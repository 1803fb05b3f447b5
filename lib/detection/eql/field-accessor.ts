import { getField, type EcsEvent } from "@/lib/ecs/event";

export type Accessor = (event: EcsEvent) => unknown;

/**
 * Walks the nested path without allocating (the common, normalised shape) and falls back to
 * `getField` for dotted-key shapes; both agree whenever the nested walk finds a value.
 */
export function fieldAccessor(path: string): Accessor {
  const parts = path.split(".");
  const n = parts.length;
  return (event) => {
    let o: unknown = event;
    for (let i = 0; i < n; i++) {
      if (o === null || typeof o !== "object") return getField(event, path);
      o = (o as Record<string, unknown>)[parts[i]];
    }
    return o === undefined ? getField(event, path) : o;
  };
}
