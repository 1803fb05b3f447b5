import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReorderBuffer } from "@/lib/detection/reorder-buffer";

const drain = (items: [string, number][], maxEvents: number, maxDelayMs: number) => {
  const out: string[] = [];
  const buffer = new ReorderBuffer<string>({ maxEvents, maxDelayMs }, (id) => out.push(id));
  for (const [id, ts] of items) buffer.push(id, ts);
  buffer.flush();
  return { out, late: buffer.late, size: buffer.size };
};

describe("ReorderBuffer", () => {
  it("sorts by timestamp and keeps input order for equal timestamps", () => {
    expect(drain([["b", 2], ["a1", 1], ["c", 3], ["a2", 1]], 100, 100).out).toEqual(["a1", "a2", "b", "c"]);
  });

  it("never holds more than maxEvents", () => {
    const out: string[] = [];
    const buffer = new ReorderBuffer<string>({ maxEvents: 3, maxDelayMs: Number.POSITIVE_INFINITY }, (id) => out.push(id));
    for (let i = 0; i < 10; i++) {
      buffer.push(String(i), i);
      expect(buffer.size).toBeLessThanOrEqual(3);
    }
    expect(out).toEqual(["0", "1", "2", "3", "4", "5", "6"]);
  });

  it("releases by time and reports events older than what was released as late", () => {
    const r = drain([["a", 100], ["b", 250], ["late", 90], ["c", 120]], 100, 100);
    expect(r.out).toEqual(["a", "late", "c", "b"]);
    expect(r.late).toBe(1);
  });

  it("output equals a stable sort whenever displacement stays inside the count window", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 50 }), (stamps) => {
      const items = stamps.map((ts, i) => [`e${i}`, ts] as [string, number]);
      const sorted = [...items].sort((x, y) => x[1] - y[1]).map((x) => x[0]);
      expect(drain(items, items.length + 1, Number.POSITIVE_INFINITY).out).toEqual(sorted);
    }));
  });
});
