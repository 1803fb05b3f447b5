import { getField, type EcsEvent } from "@/lib/ecs/event";
import { eventTimeMs } from "@/lib/detection/event-time";
import type { QueryDsl, SearchCluster } from "@/lib/server/connections/cluster/search-cluster";
import { hitToEvent } from "@/lib/server/connections/hit-to-event";
import { alertFactsFromEvents } from "@/lib/triage/alert-facts";
import { DEFAULT_PRIORITY_CONFIG } from "@/lib/triage/priority-config";

const CONTEXT_SIZE = 2_000;
const MAX_PARENT_DEPTH = 6;

/**
 * The evidence an alert's page and priority read (see find-alert-evidence.ts and
 * find-related-events.ts), asked of the cluster instead of the local store: the PsExec process's own
 * events, its children and parent chain, DNS on the source host, and everything on the destination
 * hosts (by short name or IP) within the correlation window.
 */
export async function fetchAlertContext(cluster: SearchCluster, indexPatterns: string[], alertEvents: EcsEvent[]): Promise<{ events: EcsEvent[]; rejected: string[] }> {
  const facts = alertFactsFromEvents(alertEvents);
  const times = alertEvents.map(eventTimeMs).filter(Number.isFinite);
  if (times.length === 0) return { events: [], rejected: [] };
  const { stageWindowMs, clockSkewMs } = DEFAULT_PRIORITY_CONFIG;
  const range = { range: { "@timestamp": { gte: new Date(Math.min(...times) - clockSkewMs).toISOString(), lte: new Date(Math.max(...times) + stageWindowMs + clockSkewMs).toISOString() } } };
  const entityIds = unique(alertEvents.map((event) => getField(event, "process.entity_id")));
  const shortNames = unique(facts.destinations.map((d) => d.host?.toLowerCase().replace(/^\\\\/, "").split(".")[0]));
  const ips = unique(facts.destinations.map((d) => d.ip));
  const should: QueryDsl[] = [];
  if (entityIds.length) should.push({ terms: { "process.entity_id": entityIds } }, { terms: { "process.parent.entity_id": entityIds } });
  const hostClauses: QueryDsl[] = shortNames.flatMap((name) => [
    { term: { "host.name": { value: name, case_insensitive: true } } },
    { prefix: { "host.name": { value: `${name}.`, case_insensitive: true } } },
  ]);
  if (ips.length) hostClauses.push({ terms: { "host.ip": ips } });
  if (hostClauses.length) should.push({ bool: { filter: [range], should: hostClauses, minimum_should_match: 1 } });
  if (facts.sourceHost) should.push({ bool: { filter: [range, { term: { "host.name": facts.sourceHost } }, { term: { "event.code": "22" } }] } });
  const collected = new Map<string, EcsEvent>();
  const rejected: string[] = [];
  const collect = async (query: QueryDsl) => {
    const { hits } = await cluster.search(indexPatterns, query, CONTEXT_SIZE);
    for (const hit of hits) {
      const converted = hitToEvent(hit);
      if (converted.ok) collected.set(`${hit._index}/${hit._id}`, converted.event);
      else rejected.push(converted.reason);
    }
  };
  if (should.length) await collect({ bool: { should, minimum_should_match: 1 } });
  // The parent chain, one generation per query (a handful at most).
  const findProcess = (id: string) => [...collected.values()].find((event) => getField(event, "process.entity_id") === id && asArray(getField(event, "event.category")).includes("process"));
  let parentId = getField(alertEvents[0], "process.parent.entity_id");
  for (let depth = 0; typeof parentId === "string" && depth < MAX_PARENT_DEPTH; depth++) {
    let parent = findProcess(parentId);
    if (!parent) {
      await collect({ bool: { filter: [{ term: { "process.entity_id": parentId } }, { term: { "event.category": "process" } }] } });
      parent = findProcess(parentId);
    }
    if (!parent) break;
    parentId = getField(parent, "process.parent.entity_id");
  }
  return { events: [...collected.values()], rejected };
}

function unique(values: unknown[]): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === "string" && value !== ""))];
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}
