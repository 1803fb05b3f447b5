import { getField, type EcsEvent } from "@/lib/ecs/event";
import { db } from "@/lib/server/db/client";
import { eventFingerprint } from "@/lib/server/events/event-fingerprint";

/**
 * Stores events read from a cluster as evidence, tagged with their connection. An event read again by
 * an overlapping window (or also uploaded as a file) has the same fingerprint and is skipped.
 */
export async function storeClusterEvents(connectionId: string, events: EcsEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map((event) => ({
    f: eventFingerprint(event),
    t: new Date(String(getField(event, "@timestamp"))).toISOString(),
    h: text(getField(event, "host.name")),
    e: text(getField(event, "process.entity_id")),
    pe: text(getField(event, "process.parent.entity_id")),
    c: list(getField(event, "event.category")),
    co: text(getField(event, "event.code")),
    ch: text(getField(event, "winlog.channel")),
    r: /^\d+$/.test(String(getField(event, "winlog.record_id") ?? "")) ? String(getField(event, "winlog.record_id")) : null,
    pn: text(getField(event, "process.name"))?.toLowerCase() ?? null,
    d: event,
  }));
  return db.$executeRaw`
    INSERT INTO event (fingerprint, "connectionId", timestamp, "hostName", "entityId", "parentEntityId", category, code, channel, "recordId", "processName", doc)
    SELECT x.f, ${connectionId}, x.t, x.h, x.e, x.pe, ARRAY(SELECT jsonb_array_elements_text(x.c)), x.co, x.ch, x.r::bigint, x.pn, x.d
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS x(f text, t timestamptz, h text, e text, pe text, c jsonb, co text, ch text, r text, pn text, d jsonb)
    ON CONFLICT (fingerprint) DO NOTHING`;
}

function text(value: unknown): string | null {
  if (Array.isArray(value)) return value.length ? text(value[0]) : null;
  if (value === undefined || value === null || value === "") return null;
  return String(value);
}

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
