import { getField, type EcsEvent } from "@/lib/ecs/event";
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
  // One round trip for the four independent lookups (each was its own query); the parent chain needs
  // the process's own events first. The short-name expression matches event_short_host_timestamp_idx
  // (triage_speed migration); written any other way it is a sequential scan of event. No entity id, host
  // or destination matches nothing, as the skipped queries did.
  const rows = await db.$queryRaw<(Row & { part: Part; timestamp: Date })[]>`
    (SELECT 'own' AS part, id, doc, timestamp FROM event WHERE "entityId" = ${input.entityId || null} ORDER BY timestamp LIMIT 500)
    UNION ALL
    (SELECT 'children', id, doc, timestamp FROM event
     WHERE "parentEntityId" = ${input.entityId || null} AND 'process' = ANY(category) ORDER BY timestamp LIMIT 200)
    UNION ALL
    (SELECT 'target', id, doc, timestamp FROM event
     WHERE lower(split_part("hostName", '.', 1)) = ANY(${shorts}::text[]) AND timestamp BETWEEN ${from} AND ${to}
       AND ("processName" IN ('psexesvc.exe') OR code IN ('7045', '4697', '5140', '5145', '4624')
            OR "parentEntityId" IN (SELECT "entityId" FROM event WHERE "processName" = 'psexesvc.exe' AND lower(split_part("hostName", '.', 1)) = ANY(${shorts}::text[])))
     ORDER BY timestamp LIMIT 500)
    UNION ALL
    (SELECT 'dns', id, doc, timestamp FROM event
     WHERE "hostName" = ${input.host || null} AND code = '22' AND timestamp BETWEEN ${from} AND ${to} ORDER BY timestamp LIMIT 200)`;
  // UNION ALL promises no order: each part is put back in timestamp order (stable, so ties keep theirs).
  const part = (name: Part) => rows.filter((row) => row.part === name).sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  const own = part("own");
  const parents = await parentChain(own.map((row) => row.doc));
  const toEvidence = (rows: Row[]): EvidenceEvent[] => rows.map((row) => ({ id: row.id.toString(), event: row.doc }));
  return { own: toEvidence(own), parents: toEvidence(parents), children: toEvidence(part("children")), target: toEvidence(part("target")), dns: toEvidence(part("dns")) };
}

async function parentChain(own: EcsEvent[]): Promise<Row[]> {
  const chain: Row[] = [];
  const start = own.find((event) => asArray(getField(event, "event.category")).includes("process"));
  let parentId = start ? getField(start, "process.parent.entity_id") : undefined;
  const seen = new Set<string>();
  while (typeof parentId === "string" && chain.length < MAX_DEPTH && !seen.has(parentId)) {
    seen.add(parentId);
    const rows = await db.$queryRaw<Row[]>`
      SELECT id, doc FROM event WHERE "entityId" = ${parentId} AND 'process' = ANY(category) ORDER BY timestamp LIMIT 1`;
    if (rows.length === 0) break;
    chain.unshift(rows[0]);
    parentId = getField(rows[0].doc, "process.parent.entity_id");
  }
  return chain;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}
