import { ClusterError, type RetryPolicy } from "@/lib/server/connections/cluster/search-cluster";

export type Sleep = (ms: number) => Promise<void>;

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

export type RetryOptions = {
  policy: RetryPolicy;
  /** Turns whatever the call threw into a ClusterError; its kind decides whether to retry. */
  toError: (error: unknown) => ClusterError;
  sleep?: Sleep;
  random?: () => number;
};

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one cluster call, retrying 429/502/503/504, timeouts and dropped connections with exponential
 * backoff and jitter, or exactly the server's `Retry-After` (capped). Everything else fails at once.
 */
export async function withRetries<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, toError, sleep = realSleep, random = Math.random } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (thrown) {
      const error = toError(thrown);
      if (!error.isRetryable) throw error;
      if (attempt >= policy.maxAttempts) throw gaveUp(error, attempt);
      await sleep(retryDelayMs(error, attempt, policy, random));
    }
  }
}

export function retryDelayMs(error: ClusterError, attempt: number, policy: RetryPolicy, random: () => number): number {
  if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // "Equal jitter": never less than half the backoff, so clients that failed together spread out.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function gaveUp(error: ClusterError, attempts: number): ClusterError {
  if (attempts <= 1) return error;
  return new ClusterError(error.kind, `${error.message} (gave up after ${attempts} attempts)`, error.status, error.retryAfterMs);
}
