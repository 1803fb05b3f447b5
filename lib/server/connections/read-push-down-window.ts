import type { LoadedRule } from "@/lib/detection/rules/load-rule";
import { sequenceStageQueries } from "@/lib/detection/rules/stage-queries";
import type { EcsEvent } from "@/lib/ecs/event";
import { stageOneOnlyAlerts } from "@/lib/server/alerts/detection-session";
import type { RaisedAlert } from "@/lib/server/alerts/raise-alerts";
import type { ClusterHit, SearchCluster } from "@/lib/server/connections/cluster/search-cluster";
import { hitToEvent } from "@/lib/server/connections/hit-to-event";
import { timeRangeFilter } from "@/lib/server/connections/read-pull-window";

/** Sequences asked per rule and window (Kibana asks max_signals = 100). */
export const MAX_SEQUENCES = 1_000;
/** Events asked per stage query (the cluster's default max_result_window). */
export const MAX_STAGE_EVENTS = 10_000;

export type PushDownLimits = { sequences: number; stageEvents: number };
const LIMITS: PushDownLimits = { sequences: MAX_SEQUENCES, stageEvents: MAX_STAGE_EVENTS };

/**
 * `saturated`: an answer held as many matches as were asked for, so some may be missing; the caller
 * reads the window in pull mode instead (the cluster's EQL has no cursor to ask for the rest).
 */
export type PushDownResult = { raised: RaisedAlert[]; eventsRead: number; rejected: string[]; warnings: string[]; saturated: boolean };

/**
 * Detection done by the cluster: the rule's own EQL goes to `_eql/search` with the window as a filter
 * (as Kibana's rule executor sends it) and only the matches come back. For the playbook's Low alerts
 * (a PsExec start with no network event) each stage's event query is asked too, and the decision is
 * made here exactly as in pull mode. Documents are matched as stored: the cluster does not apply
 * Lateral's Winlogbeat/NXLog → ECS mapping, so raw winlog.* indices only match in pull mode.
 */
export async function readPushDownWindow(
  cluster: SearchCluster, indexPatterns: string[], rules: LoadedRule[], start: Date, end: Date, limits: PushDownLimits = LIMITS,
): Promise<PushDownResult> {
  const result: PushDownResult = { raised: [], eventsRead: 0, rejected: [], warnings: [], saturated: false };
  const filter = timeRangeFilter(start, end);
  // Converts hits, recording rejects; a sequence with a rejected event is dropped whole.
  const toEvents = (hits: ClusterHit[]): { events: EcsEvent[]; complete: boolean } => {
    const events: EcsEvent[] = [];
    for (const hit of hits) {
      const converted = hitToEvent(hit);
      result.eventsRead++;
      if (converted.ok) events.push(converted.event);
      else result.rejected.push(converted.reason);
    }
    return { events, complete: events.length === hits.length };
  };
  for (const rule of rules) {
    const answer = await cluster.eqlSearch({ indexPatterns, query: rule.queryText, filter, size: limits.sequences });
    if (answer.sequences.length + answer.events.length >= limits.sequences) {
      result.warnings.push(`${rule.name}: the cluster returned its maximum of ${limits.sequences} matches`);
      result.saturated = true;
      return result;
    }
    const sequenceIds = new Set<string>();
    for (const sequence of answer.sequences) {
      const { events, complete } = toEvents(sequence.events);
      if (!complete) continue;
      sequence.events.forEach((hit) => sequenceIds.add(`${hit._index}/${hit._id}`));
      result.raised.push({ rule, joinKeys: sequence.joinKeys, events, kind: "sequence" });
    }
    for (const hit of answer.events) {
      const { events, complete } = toEvents([hit]);
      if (complete) result.raised.push({ rule, joinKeys: [], events, kind: "sequence" });
    }
    const stages = rule.query.kind === "sequence" && rule.query.stages.length === 2 ? sequenceStageQueries(rule.queryText) : null;
    if (!stages) continue;
    const [startHits, networkHits] = await Promise.all(
      stages.map(async (query) => (await cluster.eqlSearch({ indexPatterns, query, filter, size: limits.stageEvents })).events),
    );
    if (startHits.length >= limits.stageEvents || networkHits.length >= limits.stageEvents) {
      result.warnings.push(`${rule.name}: the cluster returned its maximum of ${limits.stageEvents} events for a stage`);
      result.saturated = true;
      return result;
    }
    const starts = toEvents(startHits.filter((hit) => !sequenceIds.has(`${hit._index}/${hit._id}`))).events;
    const network = toEvents(networkHits).events;
    result.raised.push(...stageOneOnlyAlerts(rule, starts, network, end.getTime()));
  }
  return result;
}
