import { hostname } from "node:os";
import { claimNextJob, completeJob, failJob, heartbeatJob, jobPayloads, requeueStaleJobs, type ClaimedJob } from "@/lib/server/jobs/queue";
import { processUpload, markUploadFailed } from "@/lib/server/uploads/process-upload";
import { logger } from "@/lib/server/log/logger";

const POLL_MS = 500;
const HEARTBEAT_MS = 10_000;

/** Polls the job table until `signal` aborts; one job at a time per worker process. */
export async function runWorker(signal: AbortSignal): Promise<void> {
  const workerId = `${hostname()}:${process.pid}`;
  const log = logger.child({ worker: workerId });
  log.info("worker started");
  let lastReap = 0;
  while (!signal.aborted) {
    if (Date.now() - lastReap > 15_000) {
      const requeued = await requeueStaleJobs().catch(() => 0);
      if (requeued) log.warn({ requeued }, "requeued jobs of a dead worker");
      lastReap = Date.now();
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
  log.info("worker stopped");
}

async function runJob(job: ClaimedJob): Promise<void> {
  switch (job.kind) {
    case "process-upload":
      return processUpload(jobPayloads["process-upload"].parse(job.payload).uploadId);
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
