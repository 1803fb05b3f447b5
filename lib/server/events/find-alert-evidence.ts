import type { EcsEvent } from "@/lib/ecs/event";
import { db } from "@/lib/server/db/client";
import { DEFAULT_PRIORITY_CONFIG } from "@/lib/triage/priority-config";

type Row = { id: bigint; doc: EcsEvent };
type Part = "own" | "children" | "target" | "dns";
export type EvidenceEvent = { id: string; event: EcsEvent };
const MAX_DEPTH = 6;

/**
 * The evidence the alert page shows for the playbook's steps: the PsExec process's parent chain and
 * children, all its network/DNS events, and on the destination hosts PSEXESVC, its children and
 * service installs within the correlation window.
 */
export async function findAlertEvidence(input: { entityId: string | null; host: string | null; destinations: string[]; from: Date; to: Date }) {
  const window = DEFAULT_PRIORITY_CONFIG.stageWindowMs + DEFAULT_PRIORITY_CONFIG.clockSkewMs;
  const from = new Date(input.from.getTime() - DEFAULT_PRIORITY_CONFIG.clockSkewMs);
  const to = new Date(input.to.getTime() + window);
  const shorts = [...new Set(input.destinations.map((d) => d.split(" ")[0].toLowerCase().replace(/^\\\\/, "").split(".")[0]).filter(Boolean))];
  // One round trip for all five lookups. The parent chain walks "parentEntityId" up from the PsExec
  // process's first process event (the column insertEvents fills from process.parent.entity_id): each step
  // is that ancestor's first process event, at most MAX_DEPTH steps, stopping at an id already asked for
  // (a cycle in bad data). The short-name expression matches event_short_host_timestamp_idx
  // (triage_speed migration); written any other way it is a sequential scan of event. No entity id, host
  // or destination matches nothing.
  const entityId = input.entityId || null;
  const rows = await db.$queryRaw<(Row & { part: Part | "parents"; timestamp: Date; depth: number })[]>`
    (SELECT 'own' AS part, id, doc, timestamp, 0 AS depth FROM event WHERE "entityId" = ${entityId} ORDER BY timestamp LIMIT 500)
    UNION ALL
    (SELECT 'children', id, doc, timestamp, 0 FROM event
     WHERE "parentEntityId" = ${entityId} AND 'process' = ANY(category) ORDER BY timestamp LIMIT 200)
    UNION ALL
    (SELECT 'target', id, doc, timestamp, 0 FROM event
     WHERE lower(split_part("hostName", '.', 1)) = ANY(${shorts}::text[]) AND timestamp BETWEEN ${from} AND ${to}
       AND ("processName" IN ('psexesvc.exe') OR code IN ('7045', '4697', '5140', '5145', '4624')
            OR "parentEntityId" IN (SELECT "entityId" FROM event WHERE "processName" = 'psexesvc.exe' AND lower(split_part("hostName", '.', 1)) = ANY(${shorts}::text[])))
     ORDER BY timestamp LIMIT 500)
    UNION ALL
    (SELECT 'dns', id, doc, timestamp, 0 FROM event
     WHERE "hostName" = ${input.host || null} AND code = '22' AND timestamp BETWEEN ${from} AND ${to} ORDER BY timestamp LIMIT 200)
    UNION ALL
    (WITH RECURSIVE chain (depth, next, asked, id, doc, timestamp) AS (
       SELECT 0, start."parentEntityId", ARRAY[]::text[], NULL::bigint, NULL::jsonb, NULL::timestamp(3)
       FROM (SELECT "parentEntityId" FROM event WHERE "entityId" = ${entityId} AND 'process' = ANY(category) ORDER BY timestamp LIMIT 1) start
       UNION ALL
       SELECT chain.depth + 1, up."parentEntityId", chain.asked || chain.next, up.id, up.doc, up.timestamp
       FROM chain CROSS JOIN LATERAL (
         SELECT id, doc, timestamp, "parentEntityId" FROM event
         WHERE "entityId" = chain.next AND 'process' = ANY(category) ORDER BY timestamp LIMIT 1) up
       WHERE chain.depth < ${MAX_DEPTH} AND chain.next IS NOT NULL AND chain.next <> ALL(chain.asked))
     SELECT 'parents', id, doc, timestamp, depth FROM chain WHERE depth > 0)`;
  // UNION ALL promises no order: each part is put back in timestamp order (stable, so ties keep theirs);
  // the parent chain runs from the oldest ancestor down to PsExec's direct parent.
  const part = (name: Part) => rows.filter((row) => row.part === name).sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  const parents = rows.filter((row) => row.part === "parents").sort((a, b) => b.depth - a.depth);
  const toEvidence = (rows: Row[]): EvidenceEvent[] => rows.map((row) => ({ id: row.id.toString(), event: row.doc }));
  return { own: toEvidence(part("own")), parents: toEvidence(parents), children: toEvidence(part("children")), target: toEvidence(part("target")), dns: toEvidence(part("dns")) };
}
