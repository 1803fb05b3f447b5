import { getField, type EcsEvent } from "@/lib/ecs/event";
import { findRelatedEvents } from "@/lib/server/events/find-related-events";
import { alertFactsFromEvents } from "@/lib/triage/alert-facts";
import { DEFAULT_PRIORITY_CONFIG } from "@/lib/triage/priority-config";
import { computePriority } from "@/lib/triage/priority";
import { findBaselineGaps } from "@/lib/triage/baseline-coverage";
import { baselineVerdict, withVerdict, type BaselinePolicy } from "@/lib/triage/baseline-verdict";

/**
 * Priority of an alert from its own events plus the stored evidence around it (children, target side),
 * judged against the approved baseline when one is given (`verdict`: the entry that handles it).
 */
export async function evaluatePriority(events: EcsEvent[], policy?: BaselinePolicy, now = Date.now()) {
  const facts = alertFactsFromEvents(events);
  const times = events.map((event) => Date.parse(String(getField(event, "@timestamp")))).filter(Number.isFinite);
  const start = Math.min(...times);
  const window = DEFAULT_PRIORITY_CONFIG.stageWindowMs + DEFAULT_PRIORITY_CONFIG.clockSkewMs;
  const entityIds = events.map((event) => getField(event, "process.entity_id")).filter((id): id is string => typeof id === "string");
  const related = await findRelatedEvents({
    entityIds: [...new Set(entityIds)],
    destinationHosts: facts.destinations.flatMap((d) => (d.host ? [d.host] : [])),
    from: new Date(start - DEFAULT_PRIORITY_CONFIG.clockSkewMs),
    to: new Date(Math.max(...times) + window),
  });
  if (!policy) return { ...computePriority({ events, related }), verdict: null };
  const computed = computePriority({ events, related, baseline: findBaselineGaps(facts, policy.compiled, now) });
  const verdict = baselineVerdict(facts, policy, now);
  return { ...withVerdict(computed.reasons, verdict), verdict };
}
