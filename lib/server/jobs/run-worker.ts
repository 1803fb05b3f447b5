import { hostname } from "node:os";
import { claimNextJob, completeJob, failJob, heartbeatJob, jobPayloads, requeueStaleJobs, type ClaimedJob } from "@/lib/server/jobs/queue";
import { processUpload, markUploadFailed } from "@/lib/server/uploads/process-upload";
import { logger } from "@/lib/server/log/logger";
import { runConnection } from "@/lib/server/connections/run-connection";
import { scheduleConnectionRuns } from "@/lib/server/connections/schedule-connection-runs";
import { env } from "@/lib/server/env";

const POLL_MS = 500;
const HEARTBEAT_MS = 10_000;
const SCHEDULE_MS = 5_000;

/**
 * Polls the job table until `signal` aborts, running up to `concurrency` jobs at once (so a long
 * connection read does not hold up uploads, and several connections are read in parallel). Slot 0 also
 * requeues the jobs of dead workers and enqueues due connection reads.
 */
export async function runWorker(signal: AbortSignal, concurrency = env().LATERAL_WORKER_CONCURRENCY): Promise<void> {
  const workerId = `${hostname()}:${process.pid}`;
  logger.child({ worker: workerId }).info({ concurrency }, "worker started");
  await Promise.all(Array.from({ length: concurrency }, (_, slot) => runSlot(`${workerId}#${slot}`, slot === 0, signal)));
  logger.child({ worker: workerId }).info("worker stopped");
}

async function runSlot(workerId: string, housekeeping: boolean, signal: AbortSignal): Promise<void> {
  const log = logger.child({ worker: workerId });
  let lastReap = 0;
  let lastSchedule = 0;
  while (!signal.aborted) {
    if (housekeeping && Date.now() - lastReap > 15_000) {
      const requeued = await requeueStaleJobs().catch(() => 0);
      if (requeued) log.warn({ requeued }, "requeued jobs of a dead worker");
      lastReap = Date.now();
    }
    if (housekeeping && Date.now() - lastSchedule > SCHEDULE_MS) {
      const scheduled = await scheduleConnectionRuns().catch((error: unknown) => {
        log.error({ err: error }, "scheduling connection reads failed");
        return 0;
      });
      if (scheduled) log.info({ scheduled }, "connection reads enqueued");
      lastSchedule = Date.now();
    }
    const job = await claimNextJob(workerId).catch((error: unknown) => {
      log.error({ err: error }, "claim failed");
      return null;
    });
    if (!job) {
      await sleep(POLL_MS, signal);
      continue;
    }
    const heartbeat = setInterval(() => void heartbeatJob(job.id, workerId).catch(() => undefined), HEARTBEAT_MS);
    try {
      await runJob(job);
      await completeJob(job.id);
      log.info({ job: job.id, kind: job.kind }, "job done");
    } catch (error) {
      const outcome = await failJob(job, error);
      log.error({ job: job.id, kind: job.kind, err: error, outcome }, "job failed");
      if (outcome === "failed") await onFinalFailure(job, error);
    } finally {
      clearInterval(heartbeat);
    }
  }
}

async function runJob(job: ClaimedJob): Promise<void> {
  switch (job.kind) {
    case "process-upload":
      return processUpload(jobPayloads["process-upload"].parse(job.payload).uploadId);
    case "pull-connection": {
      // Failures are recorded on the connection's run history and retried by the schedule, not here.
      await runConnection(jobPayloads["pull-connection"].parse(job.payload).connectionId);
      return;
    }
    default:
      throw new Error(`Unknown job kind ${String((job as { kind: unknown }).kind)}`);
  }
}

async function onFinalFailure(job: ClaimedJob, error: unknown): Promise<void> {
  if (job.kind === "process-upload") {
    await markUploadFailed(jobPayloads["process-upload"].parse(job.payload).uploadId, error).catch(() => undefined);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
