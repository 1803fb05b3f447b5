import type { Detection } from "@/lib/detection/detector";
import type { LoadedRule } from "@/lib/detection/rules/load-rule";
import type { EcsEvent } from "@/lib/ecs/event";

/** One alert line shaped like an Elasticsearch EQL sequence hit plus the rule that raised it. */
export function formatAlert(detection: Detection, rule: LoadedRule): string {
  return JSON.stringify({
    join_keys: detection.joinKeys,
    events: detection.events.map(toHit),
    rule: { id: rule.id, name: rule.name, severity: rule.severity, risk_score: rule.riskScore },
  });
}

/** `toEcsEvent` keeps a hit's `_id`/`_index` on the event; put them back beside `_source`. */
function toHit(event: EcsEvent): Record<string, unknown> {
  const { _id, _index, ...source } = event;
  return { ...(_index === undefined ? {} : { _index }), ...(_id === undefined ? {} : { _id }), _source: source };
}
