import type { EcsEvent } from "@/lib/ecs/event";
import { eventTimeMs } from "@/lib/detection/event-time";
import { jsonToEcs } from "@/lib/ingest/json/json-to-ecs";
import type { ClusterHit } from "@/lib/server/connections/cluster/search-cluster";

export type HitResult = { ok: true; event: EcsEvent } | { ok: false; reason: string };

/**
 * A cluster document → the ECS event Lateral works on, through the same mapping as uploads (a
 * winlogbeat-* index without the Sysmon pipeline holds raw winlog.* documents). `_index`/`_id` are kept
 * on the event: they identify it across overlapping windows and let an analyst find it in Kibana.
 */
export function hitToEvent(hit: ClusterHit): HitResult {
  const mapped = jsonToEcs(hit._source);
  if (!mapped.ok) return { ok: false, reason: `${hit._index}/${hit._id}: ${mapped.reason}` };
  const event: EcsEvent = { ...mapped.event, _index: hit._index, _id: hit._id };
  // A date the cluster parsed but we cannot (epoch millis, a custom format) is taken as the cluster
  // sorted it: the first sort value of a PIT page is @timestamp in strict_date_optional_time_nanos.
  const ms = [eventTimeMs(event), eventTimeMs({ "@timestamp": hit.sort?.[0] })].find((value) => !Number.isNaN(value));
  if (ms === undefined) return { ok: false, reason: `${hit._index}/${hit._id}: no usable @timestamp (${describe(event["@timestamp"])})` };
  if (typeof event["@timestamp"] !== "string" || Number.isNaN(eventTimeMs(event))) event["@timestamp"] = new Date(ms).toISOString();
  return { ok: true, event };
}

function describe(value: unknown): string {
  if (value === undefined) return "missing";
  const text = JSON.stringify(value);
  return `got ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
}
