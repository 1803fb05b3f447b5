import type { EcsEvent } from "@/lib/ecs/event";
import { eventTime, firstString } from "@/lib/triage/event-fields";

export type StageOneOnlyInput = {
  /** PsExec starts that satisfy the seed rule's first stage. */
  stage1Events: readonly EcsEvent[];
  /** PsExec network events (the rule's second stage), in any order. */
  networkEvents: readonly EcsEvent[];
  windowMs: number;
  /** Epoch ms the decision is made at (for a live stream: the newest event time seen, or wall clock). */
  now: number;
  /** A finished upload: nothing more can arrive, so every open window is decided now. */
  endOfInput: boolean;
};

export type StageOneOnlyResult = {
  /** Starts that became Low alerts: no network event from the same process within the window. */
  low: EcsEvent[];
  /** Starts whose window is still open; ask again later. */
  pending: EcsEvent[];
};

/**
 * Decides which PsExec starts without a network event become Low "stage-1-only" alerts.
 * A network event at the same millisecond counts as seen, so one process never yields both a Low
 * and the rule's Medium alert; a start without `process.entity_id` can never be joined, so it is
 * Low once its window closes.
 */
export function findStageOneOnly(input: StageOneOnlyInput): StageOneOnlyResult {
  const networkTimes = new Map<string, number[]>();
  for (const event of input.networkEvents) {
    const id = firstString(event, "process.entity_id");
    const t = eventTime(event);
    if (id === undefined || Number.isNaN(t)) continue;
    const list = networkTimes.get(id) ?? [];
    list.push(t);
    networkTimes.set(id, list);
  }
  const result: StageOneOnlyResult = { low: [], pending: [] };
  for (const event of input.stage1Events) {
    const id = firstString(event, "process.entity_id");
    const start = eventTime(event);
    const times = (id !== undefined && networkTimes.get(id)) || [];
    const connected = times.some((t) => t >= start && t - start <= input.windowMs);
    if (connected) continue;
    const windowClosed = !Number.isNaN(start) && input.now - start >= input.windowMs;
    if (windowClosed || input.endOfInput) result.low.push(event);
    else result.pending.push(event);
  }
  return result;
}
