import type { z } from "zod";
import type { connectionRunSchema, connectionSchema } from "@/lib/server/api/contracts/connections";
import { connectionHealth } from "@/lib/server/connections/connection-window";
import type { Connection, ConnectionRun } from "@/lib/server/db/generated/client";

type ConnectionDto = z.infer<typeof connectionSchema>;
type RunDto = z.infer<typeof connectionRunSchema>;

/** What the API shows of a connection: everything but the secret, plus its health badge. */
export function toConnectionDto(connection: Connection, lastRun: ConnectionRun | null, now = new Date()): ConnectionDto {
  const { secretCipher, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = connection;
  return {
    ...rest,
    hasSecret: secretCipher !== null,
    health: connectionHealth(connection, now),
    checkpoint: iso(connection.checkpoint),
    lagSeconds: connection.checkpoint ? Math.max(0, Math.round((now.getTime() - connection.checkpoint.getTime()) / 1000)) : null,
    nextRunAt: connection.nextRunAt.toISOString(),
    lastRunAt: iso(connection.lastRunAt),
    lastRun: lastRun ? toRunDto(lastRun) : null,
  };
}

export function toRunDto(run: ConnectionRun): RunDto {
  return {
    id: run.id, mode: run.mode, status: run.status, eventsRead: run.eventsRead, eventsStored: run.eventsStored,
    rejected: run.rejected, alertsFound: run.alertsFound, warnings: run.warnings, error: run.error, durationMs: run.durationMs,
    windowStart: run.windowStart.toISOString(), windowEnd: run.windowEnd.toISOString(),
    startedAt: run.startedAt.toISOString(), finishedAt: iso(run.finishedAt),
  };
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
