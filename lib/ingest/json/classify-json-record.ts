import { getField } from "@/lib/ecs/event";

export type JsonRecordKind = "ecs" | "winlogbeat-raw" | "nxlog" | "unknown";

/** An Elasticsearch hit carries the document in `_source`; everything else is the document itself. */
export function unwrapHit(obj: unknown): unknown {
  if (obj && typeof obj === "object" && "_source" in obj) {
    const source = (obj as Record<string, unknown>)._source;
    if (source && typeof source === "object") return source;
  }
  return obj;
}

/**
 * Tells the JSON shapes apart by content. Winlogbeat sets event.code itself, so "raw" means it
 * has winlog.* but the ingest pipeline never ran (no event.category).
 */
export function classifyJsonRecord(input: unknown): JsonRecordKind {
  const obj = unwrapHit(input);
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return "unknown";
  if (has(obj, "event", "category") || has(obj, "process", "entity_id") || has(obj, "ecs", "version")) return "ecs";
  if (has(obj, "winlog", "event_id") || has(obj, "winlog", "event_data")) return "winlogbeat-raw";
  const record = obj as Record<string, unknown>;
  if (record.EventID !== undefined && (record.Channel !== undefined || record.SourceName !== undefined)) return "nxlog";
  if (has(obj, "event", "code") || record["@timestamp"] !== undefined) return "ecs";
  return "unknown";
}

// Module level, not a closure per record: under tsx (the CLI and the worker) every closure created
// also pays for esbuild's name-keeping helper, ~0.5 µs per record here.
function has(obj: object, parent: string, child: string): boolean {
  // Either shape counts (getField), so the common nested one is looked at first: no path to cut.
  const nested = (obj as Record<string, unknown>)[parent];
  if (nested !== null && typeof nested === "object" && (nested as Record<string, unknown>)[child] !== undefined) return true;
  return getField(obj, `${parent}.${child}`) !== undefined;
}
