import { getField, type EcsEvent } from "@/lib/ecs/event";
import { setPath } from "@/lib/ingest/ecs/ecs-object";
import { toEcs } from "@/lib/ingest/ecs/to-ecs";
import { normaliseIsoUtc, type WinlogRecord } from "@/lib/ingest/ecs/winlog-record";

const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));

function stringRecord(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = typeof x === "string" ? x : JSON.stringify(x);
  return out;
}

export function winlogbeatToRecord(doc: EcsEvent): WinlogRecord {
  const time = str(getField(doc, "winlog.time_created")) ?? str(doc["@timestamp"]);
  const userData = getField(doc, "winlog.user_data");
  return {
    eventId: Number(getField(doc, "winlog.event_id")),
    channel: str(getField(doc, "winlog.channel")),
    providerName: str(getField(doc, "winlog.provider_name")),
    computerName: str(getField(doc, "winlog.computer_name")),
    recordId: str(getField(doc, "winlog.record_id")),
    timeCreated: time ? normaliseIsoUtc(time) : undefined,
    userId: str(getField(doc, "winlog.user.identifier")),
    eventData: stringRecord(getField(doc, "winlog.event_data")),
    userData: userData && typeof userData === "object" ? (userData as Record<string, unknown>) : undefined,
  };
}

/**
 * Winlogbeat output that skipped the ingest pipeline: run our port of it. Fields the shipper added
 * (agent.*, host.* from add_host_metadata, winlog.opcode, …) are kept; mapped fields overwrite.
 */
export function winlogbeatRawToEcs(doc: EcsEvent): EcsEvent {
  const mapped = toEcs(winlogbeatToRecord(doc));
  const shippedOsType = getField(doc, "host.os.type");
  const out = deepMerge(structuredClone(doc), mapped);
  // What the shipper's add_host_metadata said wins over our default.
  if (typeof shippedOsType === "string") setPath(out, "host.os.type", shippedOsType);
  return out;
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(source)) {
    const t = target[k];
    const bothObjects = v && typeof v === "object" && !Array.isArray(v) && t && typeof t === "object" && !Array.isArray(t);
    target[k] = bothObjects && k !== "event_data" ? deepMerge(t as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return target;
}
