import type { EcsEvent } from "@/lib/ecs/event";
import { setPath } from "@/lib/ingest/ecs/ecs-object";
import { mapSecurity } from "@/lib/ingest/ecs/map-security";
import { mapServiceInstall } from "@/lib/ingest/ecs/map-service-install";
import { dropEmptyValues, mapSysmon } from "@/lib/ingest/ecs/map-sysmon";
import type { WinlogRecord } from "@/lib/ingest/ecs/winlog-record";

export const SYSMON_CHANNEL = "Microsoft-Windows-Sysmon/Operational";

export function isSysmon(rec: Pick<WinlogRecord, "channel" | "providerName">): boolean {
  return rec.channel === SYSMON_CHANNEL || rec.providerName === "Microsoft-Windows-Sysmon";
}

/**
 * Maps one Windows event to ECS as Winlogbeat + Elastic's ingest pipelines would (detection.md §4).
 * `winlog.*` always keeps the source record (channel, record id, event_data) so every ECS event can
 * be traced back; unlike the pipeline's `rename`s, mapped values stay in `winlog.event_data` too.
 */
export function toEcs(rec: WinlogRecord): EcsEvent {
  const sysmon = isSysmon(rec);
  const data = sysmon ? dropEmptyValues(rec.eventData) : { ...rec.eventData };
  const ecs: EcsEvent = {};
  if (rec.timeCreated) ecs["@timestamp"] = rec.timeCreated;
  setPath(ecs, "event.kind", "event");
  setPath(ecs, "event.code", String(rec.eventId));
  if (rec.providerName) setPath(ecs, "event.provider", rec.providerName);
  if (rec.computerName) setPath(ecs, "host.name", rec.computerName);
  // Beats' add_host_metadata sets this on the shipper, not the pipeline; raw logs never carry it.
  setPath(ecs, "host.os.type", "windows");
  const winlog: Record<string, unknown> = { event_id: String(rec.eventId), event_data: data };
  if (rec.channel) winlog.channel = rec.channel;
  if (rec.recordId) winlog.record_id = rec.recordId;
  if (rec.providerName) winlog.provider_name = rec.providerName;
  if (rec.computerName) winlog.computer_name = rec.computerName;
  if (rec.userId) winlog.user = { identifier: rec.userId };
  if (rec.userData) winlog.user_data = rec.userData;
  ecs.winlog = winlog;

  if (sysmon) {
    if (rec.userId) setPath(ecs, "user.id", rec.userId);
    mapSysmon(ecs, rec.eventId, data);
  } else if (rec.channel === "Security") {
    mapSecurity(ecs, rec.eventId, data);
  } else if (rec.channel === "System" && rec.eventId === 7045) {
    mapServiceInstall(ecs, data);
  }
  return ecs;
}
