/** Pure scheduling arithmetic for connection runs (no I/O), table-tested in connection-window.test.ts. */
export type WindowSettings = {
  intervalSeconds: number;
  lookbackSeconds: number;
  /** Re-read at least this much before the checkpoint: a PsExec start near a window's end is only
   * decided (Low, or part of a sequence) once its correlation window has been read in full. */
  minRewindMs?: number;
};

/** A run reads at most this much past its start, so catching up after downtime goes in bounded steps. */
export const MAX_WINDOW_MS = 60 * 60 * 1000;

/**
 * The window of the next run. Like Kibana's rule executor, each run looks back `lookback` (which is
 * longer than `interval`, so late-indexed events are seen by a second run); after the first run it
 * starts at the checkpoint minus that overlap (or the rewind, if longer), so nothing between runs is
 * ever skipped, whatever the downtime. Duplicates from the overlap are removed by the events' identities.
 */
export function nextWindow(checkpoint: Date | null, now: Date, settings: WindowSettings): { start: Date; end: Date; catchingUp: boolean } {
  const lookbackMs = settings.lookbackSeconds * 1000;
  const overlapMs = Math.max(0, lookbackMs - settings.intervalSeconds * 1000, settings.minRewindMs ?? 0);
  const start = checkpoint ? new Date(Math.min(checkpoint.getTime() - overlapMs, now.getTime() - lookbackMs)) : new Date(now.getTime() - lookbackMs);
  const limit = start.getTime() + Math.max(lookbackMs, MAX_WINDOW_MS);
  const end = new Date(Math.min(now.getTime(), limit));
  return { start, end, catchingUp: end.getTime() < now.getTime() };
}

export type ConnectionHealth = "healthy" | "lagging" | "failing" | "paused" | "pending";

/** The badge: failing beats lagging; lagging = the checkpoint is more than two intervals behind. */
export function connectionHealth(input: { enabled: boolean; checkpoint: Date | null; consecutiveFailures: number; intervalSeconds: number }, now: Date): ConnectionHealth {
  if (!input.enabled) return "paused";
  if (input.consecutiveFailures > 0) return "failing";
  if (!input.checkpoint) return "pending";
  const lagMs = now.getTime() - input.checkpoint.getTime();
  return lagMs > 2 * input.intervalSeconds * 1000 + 60_000 ? "lagging" : "healthy";
}

/** After a failure the next attempt waits longer each time (1, 2, 4 … minutes, at most one interval). */
export function retryDelayMs(consecutiveFailures: number, intervalSeconds: number): number {
  return Math.min(intervalSeconds * 1000, 60_000 * 2 ** Math.max(0, consecutiveFailures - 1));
}
