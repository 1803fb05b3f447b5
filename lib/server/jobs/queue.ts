import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/client";

/** Job kinds and their payloads; a payload is validated when enqueued and again when claimed. */
export const jobPayloads = {
  "process-upload": z.object({ uploadId: z.string().uuid() }),
  "pull-connection": z.object({ connectionId: z.string().uuid() }),
} as const;

export type JobKind = keyof typeof jobPayloads;
export type ClaimedJob = { id: string; kind: JobKind; payload: unknown; attempts: number; maxAttempts: number };

const STALE_AFTER_SECONDS = 60;

export async function enqueueJob<K extends JobKind>(kind: K, payload: z.input<(typeof jobPayloads)[K]>, tx: Prisma.TransactionClient = db) {
  const parsed = jobPayloads[kind].parse(payload);
  return tx.job.create({ data: { kind, payload: parsed } });
}

/**
 * Claims the oldest due job. SKIP LOCKED lets any number of workers poll the same table without
 * blocking each other or taking the same job twice.
 */
export async function claimNextJob(workerId: string): Promise<ClaimedJob | null> {
  const rows = await db.$queryRaw<ClaimedJob[]>`
    UPDATE job SET status = 'running', "lockedBy" = ${workerId}, "lockedAt" = now(), attempts = attempts + 1
    WHERE id = (
      SELECT id FROM job WHERE status = 'queued' AND "runAt" <= now()
      ORDER BY "runAt" FOR UPDATE SKIP LOCKED LIMIT 1
    )
    RETURNING id, kind, payload, attempts, "maxAttempts"`;
  return rows[0] ?? null;
}

/** Running jobs refresh their lock; one whose worker died stops refreshing and is requeued. */
export async function heartbeatJob(id: string, workerId: string): Promise<void> {
  await db.job.updateMany({ where: { id, lockedBy: workerId, status: "running" }, data: { lockedAt: new Date() } });
}

export async function requeueStaleJobs(): Promise<number> {
  return db.$executeRaw`
    UPDATE job SET status = 'queued', "lockedBy" = NULL, "lockedAt" = NULL
    WHERE status = 'running' AND "lockedAt" < now() - make_interval(secs => ${STALE_AFTER_SECONDS})`;
}

export async function completeJob(id: string): Promise<void> {
  await db.job.update({ where: { id }, data: { status: "succeeded", finishedAt: new Date(), lockedBy: null } });
}

/** A failed attempt is retried with exponential backoff until maxAttempts; then the job stays failed. */
export async function failJob(job: ClaimedJob, error: unknown): Promise<"retrying" | "failed"> {
  const message = error instanceof Error ? error.message : String(error);
  const final = job.attempts >= job.maxAttempts;
  await db.job.update({
    where: { id: job.id },
    data: {
      status: final ? "failed" : "queued",
      lastError: message.slice(0, 2000),
      lockedBy: null,
      runAt: new Date(Date.now() + 2 ** job.attempts * 1000),
      finishedAt: final ? new Date() : null,
    },
  });
  return final ? "failed" : "retrying";
}
