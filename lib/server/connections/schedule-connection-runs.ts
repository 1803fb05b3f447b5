import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";

/**
 * Enqueues a read for every enabled connection that is due and has none queued or running. The
 * conditional UPDATE claims the connection, so several workers scheduling at once enqueue it once; the
 * partial unique index on job (one active pull per connection) is the backstop.
 */
export async function scheduleConnectionRuns(): Promise<number> {
  return db.$executeRaw`
    WITH due AS (
      UPDATE connection c SET "nextRunAt" = now() + make_interval(secs => c."intervalSeconds")
      WHERE c.enabled AND c."nextRunAt" <= now()
        AND NOT EXISTS (SELECT 1 FROM job j WHERE j.kind = 'pull-connection' AND j.status IN ('queued', 'running') AND j.payload->>'connectionId' = c.id)
      RETURNING c.id)
    INSERT INTO job (id, kind, payload, "maxAttempts")
    SELECT gen_random_uuid()::text, 'pull-connection', jsonb_build_object('connectionId', due.id), 1 FROM due
    ON CONFLICT DO NOTHING`;
}

/** "Run now": false when a read is already queued or running for this connection. */
export async function enqueueConnectionRun(connectionId: string): Promise<boolean> {
  if (!(await db.connection.count({ where: { id: connectionId } }))) throw new AppError("not_found", "No such connection");
  const inserted = await db.$executeRaw`
    INSERT INTO job (id, kind, payload, "maxAttempts")
    VALUES (gen_random_uuid()::text, 'pull-connection', jsonb_build_object('connectionId', ${connectionId}::text), 1)
    ON CONFLICT DO NOTHING`;
  return inserted > 0;
}
