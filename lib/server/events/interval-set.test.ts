import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IntervalSet } from "@/lib/server/events/interval-set";

describe("IntervalSet", () => {
  it("merges overlapping and touching intervals and answers contains/covers", () => {
    const set = new IntervalSet();
    set.add(10, 20);
    set.add(30, 40);
    expect([set.contains(9), set.contains(10), set.contains(25), set.contains(40)]).toEqual([false, true, false, true]);
    expect(set.covers(12, 18)).toBe(true);
    expect(set.covers(15, 35)).toBe(false);
    set.add(20, 30);
    expect(set.covers(10, 40)).toBe(true);
  });

  it("contains exactly the union of what was added (property)", () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 50 })).map(([from, length]) => [from, from + length] as const);
    fc.assert(fc.property(fc.array(interval, { maxLength: 12 }), (intervals) => {
      const set = new IntervalSet();
      for (const [from, to] of intervals) set.add(from, to);
      for (let t = -1; t <= 252; t++) if (set.contains(t) !== intervals.some(([from, to]) => from <= t && t <= to)) return false;
      return true;
    }), { numRuns: 200 });
  });
});
