import type { EcsEvent } from "@/lib/ecs/event";
import { db } from "@/lib/server/db/client";

const MAX_RELATED = 5_000;

/**
 * Evidence around an alert for priority and the process tree: children of the PsExec process, and
 * events on the destination hosts (matched by short name, as `\\srv01` may be `srv01.corp.local`)
 * within the correlation window. The short-name expression is indexed (event_short_host_timestamp_idx,
 * triage_speed migration): keep it written exactly so, or this is a sequential scan of event per alert.
 */
export async function findRelatedEvents(input: { entityIds: string[]; destinationHosts: string[]; from: Date; to: Date }): Promise<EcsEvent[]> {
  const shorts = [...new Set(input.destinationHosts.map((host) => host.toLowerCase().split(".")[0]).filter(Boolean))];
  const rows = await db.$queryRaw<{ doc: EcsEvent }[]>`
    SELECT doc FROM event
    WHERE "parentEntityId" = ANY(${input.entityIds}::text[])
       OR (lower(split_part("hostName", '.', 1)) = ANY(${shorts}::text[]) AND timestamp BETWEEN ${input.from} AND ${input.to})
    ORDER BY timestamp
    LIMIT ${MAX_RELATED}`;
  return rows.map((row) => row.doc);
}
