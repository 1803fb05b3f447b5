import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HeldEvents } from "@/lib/server/events/held-events";

describe("HeldEvents", () => {
  it("gives back every held text intact while the text space wraps around (property)", () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 40 }), { maxLength: 200 }), fc.integer({ min: 2, max: 12 }), (texts, capacity) => {
      const held = new HeldEvents(capacity, 256);
      const expected: string[] = [];
      for (const text of texts) {
        const source = JSON.stringify({ text });
        while (held.size > 0 && !held.fits(source)) {
          held.dropOldest();
          expected.shift();
        }
        held.append(source, 0, null, 0);
        expected.push(source);
        for (let i = 0; i < held.size; i++) if (JSON.stringify(held.event(held.slot(i), (t) => JSON.parse(t) as never)) !== expected[i]) return false;
      }
      return true;
    }), { numRuns: 300 });
  });

  it("moves an event (text or object) to another ring", () => {
    const a = new HeldEvents(4, 1024);
    const b = new HeldEvents(4, 1024);
    a.append('{"a":1}', 5, "srv1", 1);
    a.append({ b: 2 }, 6, null, 0);
    expect(b.fitsFrom(a, a.slot(0))).toBe(true);
    b.copyFrom(a, a.slot(0));
    b.copyFrom(a, a.slot(1));
    const parse = (t: string) => JSON.parse(t) as never;
    expect([b.event(b.slot(0), parse), b.event(b.slot(1), parse), b.time[b.slot(0)], b.short[b.slot(0)]]).toEqual([{ a: 1 }, { b: 2 }, 5, "srv1"]);
  });
});
