import { getField, type EcsEvent } from "@/lib/ecs/event";
import { db } from "@/lib/server/db/client";
import { eventFingerprint } from "@/lib/server/events/event-fingerprint";

export type StoredEventRow = { fingerprint: string; event: EcsEvent; timestamp: number };

/**
 * Multi-row insert through unnest(): one statement and one round trip per batch, all values bound as
 * parameters. Events already stored (same fingerprint) are skipped.
 */
export async function insertEvents(uploadId: string, events: EcsEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const columns = {
    fingerprint: [] as string[],
    timestamp: [] as string[],
    hostName: [] as (string | null)[],
    entityId: [] as (string | null)[],
    parentEntityId: [] as (string | null)[],
    category: [] as string[],
    code: [] as (string | null)[],
    channel: [] as (string | null)[],
    recordId: [] as (string | null)[],
    processName: [] as (string | null)[],
    doc: [] as string[],
  };
  for (const event of events) {
    columns.fingerprint.push(eventFingerprint(event));
    columns.timestamp.push(new Date(String(getField(event, "@timestamp"))).toISOString());
    columns.hostName.push(text(getField(event, "host.name")));
    columns.entityId.push(text(getField(event, "process.entity_id")));
    columns.parentEntityId.push(text(getField(event, "process.parent.entity_id")));
    columns.category.push(JSON.stringify(list(getField(event, "event.category"))));
    columns.code.push(text(getField(event, "event.code")));
    columns.channel.push(text(getField(event, "winlog.channel")));
    const recordId = getField(event, "winlog.record_id");
    columns.recordId.push(recordId === undefined || recordId === null || !/^\d+$/.test(String(recordId)) ? null : String(recordId));
    columns.processName.push(text(getField(event, "process.name"))?.toLowerCase() ?? null);
    columns.doc.push(JSON.stringify(event));
  }
  return db.$executeRaw`
    INSERT INTO event (fingerprint, "uploadId", timestamp, "hostName", "entityId", "parentEntityId", category, code, channel, "recordId", "processName", doc)
    SELECT f, ${uploadId}, t, h, e, pe, ARRAY(SELECT jsonb_array_elements_text(c::jsonb)), co, ch, r::bigint, pn, d::jsonb
    FROM unnest(${columns.fingerprint}::text[], ${columns.timestamp}::timestamptz[], ${columns.hostName}::text[], ${columns.entityId}::text[],
                ${columns.parentEntityId}::text[], ${columns.category}::text[], ${columns.code}::text[], ${columns.channel}::text[],
                ${columns.recordId}::text[], ${columns.processName}::text[], ${columns.doc}::text[])
      AS x(f, t, h, e, pe, c, co, ch, r, pn, d)
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
