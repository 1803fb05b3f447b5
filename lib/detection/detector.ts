import type { CompiledQuery } from "@/lib/detection/compiled-query";
import { eventTimeMs } from "@/lib/detection/event-time";
import { DEFAULT_REORDER, ReorderBuffer, type ReorderOptions } from "@/lib/detection/reorder-buffer";
import { SequenceMatcher, type SequenceMatch } from "@/lib/detection/sequence-matcher";
import type { EcsEvent } from "@/lib/ecs/event";

export type DetectorRule = { id: string; query: CompiledQuery };
export type Detection = { ruleId: string } & SequenceMatch;
export type DetectorStats = { events: number; noTimestamp: number; relevant: number; late: number; invalidJoinKeys: number; alerts: number };

type Hits = boolean[] | null;
type RuleRunner = { classify: (event: EcsEvent) => Hits; process: (event: EcsEvent, ts: number, hits: boolean[]) => void; finish: () => void; invalidKeys: () => number };
type Buffered = { event: EcsEvent; hits: Hits[] };

/**
 * Streaming detection over many rules sharing one reorder window. Each event is classified against
 * every stage once, on arrival (predicates are per-event, so this is order-independent); only events
 * matching some stage enter the window, which keeps memory to pending state + relevant events.
 * Push events in any order (bounded disorder is repaired), then `end()` flushes.
 */
export class Detector {
  private readonly buffer: ReorderBuffer<Buffered>;
  private readonly runners: RuleRunner[];
  private readonly counts = { events: 0, noTimestamp: 0, relevant: 0, alerts: 0 };

  constructor(rules: DetectorRule[], onDetection: (d: Detection) => void, reorder: ReorderOptions = DEFAULT_REORDER) {
    const emitFor = (ruleId: string) => (m: SequenceMatch) => {
      this.counts.alerts++;
      onDetection({ ruleId, ...m });
    };
    this.runners = rules.map((r) => withPipes(r.query, emitFor(r.id)));
    this.buffer = new ReorderBuffer<Buffered>(reorder, ({ event, hits }, ts) => {
      for (let i = 0; i < this.runners.length; i++) {
        const h = hits[i];
        if (h !== null) this.runners[i].process(event, ts, h);
      }
    });
  }

  /**
   * Returns false when the event has no usable `@timestamp` (it is then ignored). `ts`: the event's
   * `eventTimeMs`, when the caller has already read it.
   */
  push(event: EcsEvent, ts = eventTimeMs(event)): boolean {
    return this.classifyAndPush(event, ts) !== false;
  }

  /**
   * `push`, also telling which stages of each rule (by index; `[true]` for an event query) the event
   * matched, or null when it matched none: callers that need the stages too evaluate no predicate twice.
   */
  classifyAndPush(event: EcsEvent, ts: number): readonly Hits[] | null | false {
    this.counts.events++;
    if (Number.isNaN(ts)) {
      this.counts.noTimestamp++;
      return false;
    }
    let hits: Hits[] | null = null;
    for (let i = 0; i < this.runners.length; i++) {
      const h = this.runners[i].classify(event);
      if (h !== null) (hits ??= new Array<Hits>(this.runners.length).fill(null))[i] = h;
    }
    if (hits !== null) {
      this.counts.relevant++;
      this.buffer.push({ event, hits }, ts);
    }
    return hits;
  }

  end(): void {
    this.buffer.flush();
    for (const runner of this.runners) runner.finish();
  }

  get stats(): DetectorStats {
    const invalidJoinKeys = this.runners.reduce((n, r) => n + r.invalidKeys(), 0);
    return { ...this.counts, late: this.buffer.late, invalidJoinKeys };
  }
}

/** `| head N` stops emitting after N results; `| tail N` keeps the last N and emits them at the end. */
function withPipes(query: CompiledQuery, emit: (m: SequenceMatch) => void): RuleRunner {
  let sink = emit;
  const finishers: (() => void)[] = [];
  for (const pipe of [...query.pipes].reverse()) {
    const next = sink;
    if (pipe.kind === "head") {
      let left = pipe.count;
      sink = (m) => { if (left > 0) { left--; next(m); } };
    } else if (pipe.kind === "tail") {
      const kept: SequenceMatch[] = [];
      sink = (m) => { kept.push(m); if (kept.length > pipe.count) kept.shift(); };
      finishers.unshift(() => kept.splice(0).forEach(next));
    }
  }
  const finish = () => finishers.forEach((f) => f());
  if (query.kind === "event") {
    const matches = query.matches;
    const hit = [true];
    return { classify: (e) => (matches(e) ? hit : null), process: (e) => sink({ joinKeys: [], events: [e] }), finish, invalidKeys: () => 0 };
  }
  const matcher = new SequenceMatcher(query, sink);
  return { classify: (e) => matcher.classify(e), process: (e, ts, h) => matcher.process(e, ts, h), finish, invalidKeys: () => matcher.invalidKeys };
}
