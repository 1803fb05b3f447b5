import { systemAttr, systemText, type WinEvent } from "@/lib/ingest/win-event/win-event";

/**
 * One Windows event, whatever it was read from (EVTX, XML, Winlogbeat JSON, NXLog JSON), in the
 * fields the ECS mapping needs. `eventData` is exactly what Windows rendered, before any cleanup.
 */
export type WinlogRecord = {
  eventId: number;
  channel?: string;
  providerName?: string;
  computerName?: string;
  recordId?: string;
  /** System TimeCreated as UTC ISO 8601, when known to be UTC. */
  timeCreated?: string;
  userId?: string;
  eventData: Record<string, string>;
  userData?: Record<string, unknown>;
};

export function fromWinEvent(event: WinEvent): WinlogRecord {
  const created = systemAttr(event, "TimeCreated", "SystemTime");
  return {
    eventId: Number(systemText(event, "EventID")),
    channel: systemText(event, "Channel"),
    providerName: systemAttr(event, "Provider", "Name"),
    computerName: systemText(event, "Computer"),
    recordId: systemText(event, "EventRecordID"),
    timeCreated: created ? normaliseIsoUtc(created) : undefined,
    userId: systemAttr(event, "Security", "UserID"),
    eventData: event.EventData ?? {},
    userData: event.UserData,
  };
}

/**
 * "2019-02-05T15:16:29.384924000Z" (Windows, up to 9 digits) or "2017-12-26 13:10:29.136879"
 * (python-evtx) → millisecond ISO, as an Elasticsearch date field stores it. Fractions truncate.
 */
export function normaliseIsoUtc(t: string): string | undefined {
  const m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)?$/.exec(t.trim());
  if (!m) return undefined;
  const ms = (m[3] ?? "").slice(0, 3).padEnd(3, "0");
  const zone = m[4] && m[4] !== "Z" ? m[4] : "Z";
  const date = new Date(`${m[1]}T${m[2]}.${ms}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
