import { getField, type EcsEvent } from "@/lib/ecs/event";
import { alertFactsFromEvents } from "@/lib/triage/alert-facts";
import { DEFAULT_PRIORITY_CONFIG } from "@/lib/triage/priority-config";

/**
 * Which stored events an alert's evidence queries can read — find-alert-evidence.ts (own events,
 * parent chain, children, destination-side events, DNS) and find-related-events.ts (priority):
 * - events of the PsExec process (`entityIds`) and events whose parent it is;
 * - the parent chain, starting at `parentIds` (followed while storing, MAX_DEPTH levels);
 * - DNS (code 22) on the source host, and every event on a destination host (matched by short
 *   name), between `from` and `to` (the widest of the queries' windows).
 * Keep in step with those queries: an event they can return must match the scope.
 */
export type EvidenceScope = {
  entityIds: string[];
  parentIds: string[];
  sourceShort: string | null;
  destinationShorts: string[];
  from: number;
  to: number;
};

const { clockSkewMs, stageWindowMs } = DEFAULT_PRIORITY_CONFIG;

/** Scope of an alert about to be raised from these events (as raise-alerts.ts derives its columns). */
export function scopeOfAlertEvents(events: readonly EcsEvent[]): EvidenceScope {
  const facts = alertFactsFromEvents(events);
  const times = events.map((event) => Date.parse(String(getField(event, "@timestamp"))));
  const destinations = facts.destinations.map((d) => [d.host, d.ip].filter(Boolean).join(" ")).concat(facts.unresolvedTargets);
  return {
    entityIds: unique(events.map((event) => getField(event, "process.entity_id"))),
    parentIds: unique(events.filter(isProcess).map((event) => getField(event, "process.parent.entity_id"))),
    sourceShort: facts.sourceHost ? short(facts.sourceHost) : null,
    destinationShorts: destinationShorts(destinations),
    from: Math.min(...times) - clockSkewMs,
    to: Math.max(...times) + stageWindowMs + clockSkewMs,
  };
}

export type StoredAlertScopeRow = {
  entityId: string | null;
  sourceHost: string | null;
  destinations: string[];
  firstSeen: Date;
  lastSeen: Date;
  eventEntityIds: unknown;
  eventParentIds: unknown;
};

/** Scope of an alert already stored (raised by an earlier upload). */
export function scopeOfStoredAlert(row: StoredAlertScopeRow): EvidenceScope {
  return {
    entityIds: unique([row.entityId, ...asArray(row.eventEntityIds)]),
    parentIds: unique(asArray(row.eventParentIds)),
    sourceShort: row.sourceHost ? short(row.sourceHost) : null,
    // The column is a nullable text[]: rows written outside Prisma's defaults may hold NULL.
    destinationShorts: destinationShorts(row.destinations ?? []),
    from: row.firstSeen.getTime() - clockSkewMs,
    to: row.lastSeen.getTime() + stageWindowMs + clockSkewMs,
  };
}

/**
 * find-alert-evidence.ts takes the first word of each destination ("srv01 10.0.0.5", "\\srv01") without
 * a leading `\\`; find-related-events.ts the destination host as is. Both short forms are kept.
 */
function destinationShorts(destinations: readonly string[]): string[] {
  return unique(destinations.flatMap((d) => {
    const word = d.split(" ")[0].toLowerCase();
    return [word.replace(/^\\\\/, "").split(".")[0], word.split(".")[0]];
  }));
}

function short(host: string): string {
  return host.split(".")[0].toLowerCase();
}

function isProcess(event: EcsEvent): boolean {
  const category = getField(event, "event.category");
  return Array.isArray(category) ? category.includes("process") : category === "process";
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function unique(values: readonly unknown[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === "string" && v !== ""))];
}
