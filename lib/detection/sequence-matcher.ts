import type { CompiledQuery, CompiledStage } from "@/lib/detection/compiled-query";
import type { EcsEvent } from "@/lib/ecs/event";

export type SequenceMatch = { joinKeys: unknown[]; events: EcsEvent[] };

type Pending = { events: EcsEvent[]; startTs: number; joinKeys: unknown[] };
type SequenceQuery = Extract<CompiledQuery, { kind: "sequence" }>;

const INVALID = Symbol("invalid-key");
const NULL_KEY = "\u0000null";
const SWEEP_EVERY = 65_536;

/**
 * Elasticsearch's sequence state machine, fed events already in (timestamp, input order):
 * per join key at most one pending sequence per stage (newer overwrites), completion consumes,
 * stages are tried last-to-first so one event never fills two stages of the same sequence.
 */
export class SequenceMatcher {
  /** pending[i] holds sequences that completed stage i and wait for stage i+1. */
  private readonly pending: Map<unknown, Pending>[];
  private processed = 0;
  invalidKeys = 0;

  constructor(
    private readonly query: SequenceQuery,
    private readonly emit: (match: SequenceMatch) => void,
  ) {
    this.pending = query.stages.slice(0, -1).map(() => new Map());
  }

  /**
   * Which stages (and, last, `until`) an event matches; null when none. Evaluated once per event,
   * before reordering, so irrelevant events are never buffered.
   */
  classify(event: EcsEvent): boolean[] | null {
    const { stages, until } = this.query;
    let hits: boolean[] | null = null;
    for (let i = 0; i < stages.length; i++) {
      if (stages[i].matches(event)) (hits ??= new Array<boolean>(stages.length + 1).fill(false))[i] = true;
    }
    if (until !== null && until.matches(event)) (hits ??= new Array<boolean>(stages.length + 1).fill(false))[stages.length] = true;
    return hits;
  }

  process(event: EcsEvent, ts: number, hits: boolean[]): void {
    const { stages, until, maxspanMs } = this.query;
    if (until !== null && hits[stages.length]) {
      const key = this.keyOf(until, event);
      if (key !== INVALID) for (const map of this.pending) map.delete(key);
    }
    for (let i = stages.length - 1; i >= 1; i--) {
      const stage = stages[i];
      const waiting = this.pending[i - 1];
      if (!hits[i] || waiting.size === 0) continue;
      const key = this.keyOf(stage, event);
      if (key === INVALID) continue;
      const seq = waiting.get(key);
      if (seq === undefined) continue;
      waiting.delete(key);
      if (maxspanMs !== null && ts - seq.startTs > maxspanMs) continue;
      seq.events.push(event);
      if (i === stages.length - 1) this.emit({ joinKeys: seq.joinKeys, events: seq.events });
      else this.pending[i].set(key, seq);
    }
    const first = stages[0];
    if (hits[0]) {
      const key = this.keyOf(first, event);
      if (key !== INVALID) this.pending[0].set(key, { events: [event], startTs: ts, joinKeys: this.joinValues(first, event) });
    }
    if (maxspanMs !== null && ++this.processed % SWEEP_EVERY === 0) this.evictOlderThan(ts - maxspanMs);
  }

  /** Number of pending sequences held (the matcher's whole memory besides the reorder window). */
  get pendingCount(): number {
    return this.pending.reduce((n, m) => n + m.size, 0);
  }

  private evictOlderThan(limit: number): void {
    for (const map of this.pending) for (const [k, seq] of map) if (seq.startTs < limit) map.delete(k);
  }

  /** Keys compare exactly (case-sensitive, type-sensitive); null only allowed for `?optional` keys. */
  private keyOf(stage: CompiledStage, event: EcsEvent): unknown {
    const keys = stage.keys;
    if (keys.length === 0) return NULL_KEY;
    if (keys.length === 1) return this.keyPart(keys[0].get(event), keys[0].optional);
    const parts: unknown[] = [];
    for (const k of keys) {
      const part = this.keyPart(k.get(event), k.optional);
      if (part === INVALID) return INVALID;
      parts.push(typeof part === "string" ? `s${part}` : `${typeof part}:${String(part)}`);
    }
    return JSON.stringify(parts);
  }

  private keyPart(value: unknown, optional: boolean): unknown {
    if (value === null || value === undefined) {
      if (optional) return NULL_KEY;
      return INVALID;
    }
    if (typeof value === "object") {
      this.invalidKeys++;
      return INVALID;
    }
    return value;
  }

  private joinValues(stage: CompiledStage, event: EcsEvent): unknown[] {
    return stage.keys.map((k) => k.get(event) ?? null);
  }
}
