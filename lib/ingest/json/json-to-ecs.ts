import type { EcsEvent } from "@/lib/ecs/event";
import { toEcsEvent } from "@/lib/ingest/ecs-json";
import { classifyJsonRecord, type JsonRecordKind } from "@/lib/ingest/json/classify-json-record";
import { NxlogClock, nxlogToEcs } from "@/lib/ingest/json/from-nxlog";
import { winlogbeatRawToEcs } from "@/lib/ingest/json/from-winlogbeat";

export type JsonToEcsResult = { ok: true; event: EcsEvent; kind: JsonRecordKind } | { ok: false; reason: string; kind: JsonRecordKind };

/** One parsed JSON value → ECS, whatever shape it came in. Keep one clock per input file. */
export function jsonToEcs(value: unknown, clock: NxlogClock = new NxlogClock()): JsonToEcsResult {
  const kind = classifyJsonRecord(value);
  const doc = toEcsEvent(value);
  if (doc === null) return { ok: false, reason: "not a JSON object", kind };
  switch (kind) {
    case "ecs": return { ok: true, event: doc, kind };
    case "winlogbeat-raw": return { ok: true, event: winlogbeatRawToEcs(doc), kind };
    case "nxlog": return { ok: true, event: nxlogToEcs(doc, clock), kind };
    case "unknown": return { ok: false, reason: "unrecognised JSON record: not ECS, Winlogbeat or NXLog-style", kind };
  }
}
