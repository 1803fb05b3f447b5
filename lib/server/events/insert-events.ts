import { getField } from "@/lib/ecs/event";
import { pgPool } from "@/lib/server/db/pg-pool";
import { eventFingerprint } from "@/lib/server/events/event-fingerprint";
import type { KeptEvent } from "@/lib/server/events/evidence-selector";

/** Rows per statement: 11 parameters each, well under PostgreSQL's 65 535. */
const ROWS = 500;
const COLUMNS = 11;

/**
 * Multi-row INSERT through `pg` (see pg-pool.ts for why not Prisma): each document is one text
 * parameter, serialised once and parsed once by jsonb_in; the column values were read once, with the
 * evidence keys. A full chunk uses a prepared statement, parsed once per connection. Events already
 * stored (same fingerprint) are skipped; returns how many rows were inserted.
 */
export async function insertEvents(origin: EventOrigin, kept: readonly KeptEvent[]): Promise<number> {
  const column = "uploadId" in origin ? "uploadId" : "connectionId";
  let inserted = 0;
  for (let at = 0; at < kept.length; at += ROWS) {
    const chunk = kept.slice(at, at + ROWS);
    const values: unknown[] = ["uploadId" in origin ? origin.uploadId : origin.connectionId];
    for (const { event, keys } of chunk) {
      const recordId = getField(event, "winlog.record_id");
      values.push(
        eventFingerprint(event),
        new Date(keys.time).toISOString(),
        keys.host,
        keys.entityId,
        keys.parentId,
        keys.categories,
        keys.code,
        keys.channel,
        recordId === undefined || recordId === null || !/^\d+$/.test(String(recordId)) ? null : String(recordId),
        keys.processName,
        JSON.stringify(event),
      );
    }
    const result = await pgPool().query({ ...(chunk.length === ROWS ? { name: `insert-events-${column}` } : {}), text: statement(column, chunk.length), values });
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

/** Where stored events came from: an upload, or a cluster connection (kept when it is deleted). */
export type EventOrigin = { uploadId: string } | { connectionId: string };

const statements = new Map<string, string>();

function statement(column: "uploadId" | "connectionId", rows: number): string {
  const key = `${column}:${rows}`;
  let text = statements.get(key);
  if (text === undefined) {
    const tuples = Array.from({ length: rows }, (_, i) => {
      const p = (n: number) => `$${2 + i * COLUMNS + n}`;
      return `(${p(0)}, $1, ${p(1)}::timestamptz, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}::text[], ${p(6)}, ${p(7)}, ${p(8)}::bigint, ${p(9)}, ${p(10)}::jsonb)`;
    });
    text = `INSERT INTO event (fingerprint, "${column}", timestamp, "hostName", "entityId", "parentEntityId", category, code, channel, "recordId", "processName", doc)
      VALUES ${tuples.join(",\n")}
      ON CONFLICT (fingerprint) DO NOTHING`;
    if (statements.size < 64) statements.set(key, text);
  }
  return text;
}
