import { db } from "@/lib/server/db/client";
import { scopeOfStoredAlert, type EvidenceScope, type StoredAlertScopeRow } from "@/lib/server/events/evidence-scope";

const MAX_ALERTS = 10_000;
/** Processes (and so their own events and children) rarely outlive a day around their alert. */
const MARGIN_MS = 24 * 60 * 60 * 1000;

type Row = StoredAlertScopeRow & { id: string };

/**
 * Evidence scopes of stored alerts, so an upload keeps what their evidence queries would read from it:
 * the most recent alerts (`range` null, before parsing) or those within a day of the upload's time
 * range (after parsing). The process ids come from the alert's events (the sequence join key).
 */
export async function findAlertScopes(range: { from: Date; to: Date } | null, skip: ReadonlySet<string> = new Set()): Promise<Map<string, EvidenceScope>> {
  const rows = range
    ? await db.$queryRaw<Row[]>`
        SELECT id, "entityId", "sourceHost", destinations, "firstSeen", "lastSeen",
               jsonb_path_query_array(events, '$[*].process.entity_id') AS "eventEntityIds",
               jsonb_path_query_array(events, '$[*].process.parent.entity_id') AS "eventParentIds"
        FROM alert
        WHERE "firstSeen" <= ${new Date(range.to.getTime() + MARGIN_MS)} AND "lastSeen" >= ${new Date(range.from.getTime() - MARGIN_MS)}
        ORDER BY "firstSeen" DESC, id LIMIT ${MAX_ALERTS}`
    : await db.$queryRaw<Row[]>`
        SELECT id, "entityId", "sourceHost", destinations, "firstSeen", "lastSeen",
               jsonb_path_query_array(events, '$[*].process.entity_id') AS "eventEntityIds",
               jsonb_path_query_array(events, '$[*].process.parent.entity_id') AS "eventParentIds"
        FROM alert ORDER BY "firstSeen" DESC, id LIMIT ${MAX_ALERTS}`;
  return new Map(rows.filter((row) => !skip.has(row.id)).map((row) => [row.id, scopeOfStoredAlert(row)]));
}
