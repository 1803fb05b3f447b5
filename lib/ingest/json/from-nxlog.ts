import type { EcsEvent } from "@/lib/ecs/event";
import { toEcs, isSysmon } from "@/lib/ingest/ecs/to-ecs";
import { normaliseIsoUtc, type WinlogRecord } from "@/lib/ingest/ecs/winlog-record";

// Keys NXLog im_msvistalog (and Logstash after it) add around the event data.
const NXLOG_META = new Set([
  "EventTime", "EventReceivedTime", "TimeCreated", "Hostname", "Keywords", "EventType", "SeverityValue", "Severity",
  "EventID", "SourceName", "ProviderGuid", "Version", "Task", "OpcodeValue", "Opcode", "RecordNumber", "ActivityID",
  "RelatedActivityID", "ExecutionProcessID", "ThreadID", "Channel", "Domain", "AccountName", "UserID", "AccountType",
  "Category", "Message", "SourceModuleName", "SourceModuleType", "ERROR_EVT_UNRESOLVED", "@timestamp", "@version",
  "host", "port", "tags", "EventTypeOrignal",
]);

/**
 * NXLog writes local wall-clock times without a zone. The offset is learned from records that carry
 * both a local and a UTC time (Sysmon UtcTime, or Logstash's @timestamp next to EventReceivedTime).
 */
export class NxlogClock {
  offsetMinutes: number | undefined;
  /** True once we gave up learning and read local times as UTC; events then carry a tag. */
  guessed = false;
  constructor(offsetMinutes?: number) { this.offsetMinutes = offsetMinutes; }

  /** Learns from a record holding both a local and a UTC time of (nearly) the same instant. */
  learnFrom(doc: Record<string, unknown>): void {
    const sysmon = isSysmon({ channel: doc.Channel as string | undefined, providerName: doc.SourceName as string | undefined });
    if (sysmon && typeof doc.UtcTime === "string") this.learn(doc.TimeCreated ?? doc.EventTime, doc.UtcTime);
    else if (doc.EventReceivedTime !== undefined && doc["@timestamp"] !== undefined) this.learn(doc.EventReceivedTime, doc["@timestamp"]);
  }

  assumeUtc(): void {
    this.offsetMinutes = 0;
    this.guessed = true;
  }

  learn(localText: unknown, utcText: unknown): void {
    const local = typeof localText === "string" ? normaliseIsoUtc(localText) : undefined;
    const utc = typeof utcText === "string" ? normaliseIsoUtc(utcText) : undefined;
    if (!local || !utc) return;
    const minutes = (Date.parse(utc) - Date.parse(local)) / 60000;
    this.offsetMinutes = Math.round(minutes / 15) * 15;
  }

  toUtc(localText: unknown): string | undefined {
    const local = typeof localText === "string" ? normaliseIsoUtc(localText) : undefined;
    if (!local || this.offsetMinutes === undefined) return undefined;
    return new Date(Date.parse(local) + this.offsetMinutes * 60000).toISOString();
  }
}

export function nxlogToRecord(doc: EcsEvent, clock = new NxlogClock()): WinlogRecord {
  const eventData: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (NXLOG_META.has(k) || v === null || v === undefined) continue;
    eventData[k] = typeof v === "string" ? v : String(v);
  }
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  const channel = str(doc.Channel);
  const providerName = str(doc.SourceName);
  // NXLog renames Sysmon's own EventType (e.g. "SetValue") when it clashes with its severity field.
  if (typeof doc.EventTypeOrignal === "string") eventData.EventType = doc.EventTypeOrignal;
  // 7045's own AccountName (the service account) collides with NXLog's resolved-user AccountName.
  if (channel === "System" && Number(doc.EventID) === 7045 && doc.AccountName !== undefined) eventData.AccountName = String(doc.AccountName);
  const local = doc.TimeCreated ?? doc.EventTime;
  clock.learnFrom(doc);
  return {
    eventId: Number(doc.EventID),
    channel,
    providerName,
    computerName: str(doc.Hostname),
    recordId: str(doc.RecordNumber),
    timeCreated: clock.toUtc(local),
    userId: str(doc.UserID),
    eventData,
  };
}

export function nxlogToEcs(doc: EcsEvent, clock = new NxlogClock()): EcsEvent {
  const record = nxlogToRecord(doc, clock);
  const ecs = toEcs(record);
  // Sysmon's UtcTime sets @timestamp itself; anything else is a guess the analyst should see.
  if (clock.guessed && !(isSysmon(record) && record.eventData.UtcTime)) ecs.tags = ["lateral_local_time_assumed_utc"];
  return ecs;
}
