import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileQuery } from "@/lib/detection/compile-query";
import { detectAll } from "@/lib/detection/detect-all";
import type { EcsEvent } from "@/lib/ecs/event";

const TWO_STAGE = compileQuery('sequence by k [any where t == "A"] [any where t == "B"]');
type Ev = { id: number; t: "A" | "B" | "C"; k: string | null; ts: number };

const toEcs = (e: Ev): EcsEvent => ({ id: e.id, t: e.t, ...(e.k === null ? {} : { k: e.k }), "@timestamp": e.ts });
const run = (events: Ev[], query = TWO_STAGE, reorder = { maxEvents: 1_000_000, maxDelayMs: 1_000_000 }) =>
  detectAll([{ id: "r", query }], events.map(toEcs), reorder).detections.map((d) => d.events.map((e) => e.id));

/**
 * Declarative restatement of ES's documented behaviour for `sequence by k [A] [B]`, independent of the
 * state machine: B pairs with the latest earlier A of its key, unless another B of that key came in
 * between (that one consumed it). Order = (timestamp, input order); null keys never join.
 */
function reference(events: Ev[]): number[][] {
  const sorted = events.map((e, i) => ({ ...e, i })).sort((a, b) => a.ts - b.ts || a.i - b.i);
  const out: number[][] = [];
  sorted.forEach((b, j) => {
    if (b.t !== "B" || b.k === null) return;
    let a = -1;
    for (let x = j - 1; x >= 0; x--) {
      const e = sorted[x];
      if (e.k !== b.k) continue;
      if (e.t === "B") break;
      if (e.t === "A") { a = x; break; }
    }
    if (a !== -1) out.push([sorted[a].id, b.id]);
  });
  return out;
}

const evArb = fc.record({ t: fc.constantFrom("A", "B", "C"), k: fc.constantFrom("k1", "k2", "K1", null), ts: fc.integer({ min: 0, max: 20 }) });
const streamArb = fc.array(evArb, { maxLength: 40 }).map((list) => list.map((e, id) => ({ ...e, id }) as Ev));

describe("sequence matcher vs the documented state machine", () => {
  it("matches the declarative reference on random streams (unsorted input, same-ms ties, null/case keys)", () => {
    fc.assert(fc.property(streamArb, (events) => {
      expect(run(events)).toEqual(reference(events));
    }), { numRuns: 500 });
  });

  it("gives the sorted result when input is shuffled within the reorder window", () => {
    const window = 50;
    const arb = fc.array(fc.record({ t: fc.constantFrom("A", "B", "C"), k: fc.constantFrom("k1", "k2"), jitter: fc.integer({ min: 0, max: window - 1 }) }), { maxLength: 60 });
    fc.assert(fc.property(arb, (raw) => {
      // Distinct timestamps so arrival order cannot act as a tiebreaker.
      const events: Ev[] = raw.map((r, id) => ({ id, t: r.t as Ev["t"], k: r.k, ts: id * 7 }));
      const arrival = events.map((e, i) => ({ e, key: e.ts + raw[i].jitter })).sort((a, b) => a.key - b.key).map((x) => x.e);
      const sorted = run(events, TWO_STAGE, { maxEvents: 1_000_000, maxDelayMs: 0 });
      const { detections, stats } = detectAll([{ id: "r", query: TWO_STAGE }], arrival.map(toEcs), { maxEvents: 1_000_000, maxDelayMs: window });
      expect(stats.late).toBe(0);
      expect(detections.map((d) => d.events.map((e) => e.id))).toEqual(sorted);
    }), { numRuns: 300 });
  });
});

describe("sequence matcher — documented cases", () => {
  const ev = (id: number, t: Ev["t"], ts: number, k: string | null = "k"): Ev => ({ id, t, k, ts });
  it.each([
    ["A B", [ev(1, "A", 1), ev(2, "B", 2)], [[1, 2]]],
    ["A1 A2 B → newest pending wins", [ev(1, "A", 1), ev(2, "A", 2), ev(3, "B", 3)], [[2, 3]]],
    ["A B1 B2 → completion consumes", [ev(1, "A", 1), ev(2, "B", 2), ev(3, "B", 3)], [[1, 2]]],
    ["B A → none", [ev(1, "B", 1), ev(2, "A", 2)], []],
    ["same ms: input order decides", [ev(1, "A", 5), ev(2, "B", 5)], [[1, 2]]],
    ["same ms, B first in input", [ev(1, "B", 5), ev(2, "A", 5)], []],
    ["different keys never join", [ev(1, "A", 1, "x"), ev(2, "B", 2, "X")], []],
  ])("%s", (_name, events, expected) => {
    expect(run(events)).toEqual(expected);
  });

  it("drops a pending sequence older than maxspan", () => {
    const q = compileQuery('sequence by k with maxspan=10ms [any where t == "A"] [any where t == "B"]');
    expect(run([ev(1, "A", 0), ev(2, "B", 11)], q)).toEqual([]);
    expect(run([ev(1, "A", 0), ev(2, "B", 10)], q)).toEqual([[1, 2]]);
  });

  it("until clears pending sequences of the same key", () => {
    const q = compileQuery('sequence by k [any where t == "A"] [any where t == "B"] until [any where t == "C"]');
    expect(run([ev(1, "A", 1), ev(2, "C", 2), ev(3, "B", 3)], q)).toEqual([]);
    expect(run([ev(1, "A", 1), ev(2, "C", 2, "other"), ev(3, "B", 3)], q)).toEqual([[1, 3]]);
  });

  it("optional keys may be null and join each other; required keys may not", () => {
    const optional = compileQuery('sequence by ?k [any where t == "A"] [any where t == "B"]');
    expect(run([ev(1, "A", 1, null), ev(2, "B", 2, null)], optional)).toEqual([[1, 2]]);
    expect(run([ev(1, "A", 1, null), ev(2, "B", 2, null)])).toEqual([]);
  });

  it("runs=N repeats a stage; one event never fills two stages of one sequence", () => {
    const q = compileQuery('sequence by k [any where t == "A"] with runs=2 [any where t == "B"]');
    expect(run([ev(1, "A", 1), ev(2, "B", 2)], q)).toEqual([]);
    expect(run([ev(1, "A", 1), ev(2, "A", 2), ev(3, "B", 3)], q)).toEqual([[1, 2, 3]]);
  });

  it("per-stage by keys combine with sequence keys", () => {
    const q = compileQuery('sequence by h [any where t == "A"] by k [any where t == "B"] by j');
    const a = { id: 1, t: "A", h: "x", k: "p", "@timestamp": 1 };
    const b = { id: 2, t: "B", h: "x", j: "p", "@timestamp": 2 };
    const c = { id: 3, t: "B", h: "x", j: "q", "@timestamp": 0 };
    expect(detectAll([{ id: "r", query: q }], [c, a, b]).detections.map((d) => [d.joinKeys, d.events.map((e) => e.id)])).toEqual([[["x", "p"], [1, 2]]]);
  });

  it("head and tail pipes limit results", () => {
    const events = [ev(1, "A", 1), ev(2, "B", 2), ev(3, "A", 3), ev(4, "B", 4), ev(5, "A", 5), ev(6, "B", 6)];
    const head = compileQuery('sequence by k [any where t == "A"] [any where t == "B"] | head 1');
    const tail = compileQuery('sequence by k [any where t == "A"] [any where t == "B"] | tail 2');
    expect(run(events, head)).toEqual([[1, 2]]);
    expect(run(events, tail)).toEqual([[3, 4], [5, 6]]);
  });

  it("counts events later than the window and still processes them at arrival", () => {
    const events = [ev(1, "A", 100), ev(2, "A", 300), ev(3, "B", 50)];
    const { stats } = detectAll([{ id: "r", query: TWO_STAGE }], events.map(toEcs), { maxEvents: 10, maxDelayMs: 100 });
    expect(stats.late).toBe(1);
  });

  it("skips events without a usable @timestamp", () => {
    const { stats } = detectAll([{ id: "r", query: TWO_STAGE }], [{ t: "A", k: "k" }, { t: "A", k: "k", "@timestamp": "nope" }]);
    expect(stats.noTimestamp).toBe(2);
  });
});
