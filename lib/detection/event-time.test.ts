import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventTimeMs } from "@/lib/detection/event-time";

describe("eventTimeMs (ES sorts by @timestamp in epoch milliseconds)", () => {
  it.each([
    ["canonical ISO", "2024-01-01T00:00:01.000Z", Date.UTC(2024, 0, 1, 0, 0, 1)],
    ["microseconds are dropped, not rounded", "2024-01-01T00:00:01.999999Z", Date.UTC(2024, 0, 1, 0, 0, 1, 999)],
    ["nanoseconds", "2024-01-01T00:00:01.123456789Z", Date.UTC(2024, 0, 1, 0, 0, 1, 123)],
    ["offset", "2024-01-01T02:00:01.000+02:00", Date.UTC(2024, 0, 1, 0, 0, 1)],
    ["epoch millis number", 1704067201000.7, 1704067201000],
  ])("%s", (_name, raw, expected) => {
    expect(eventTimeMs({ "@timestamp": raw })).toBe(expected);
  });

  it.each([[{}], [{ "@timestamp": "yesterday" }], [{ "@timestamp": null }]])("NaN when unusable: %j", (event) => {
    expect(eventTimeMs(event)).toBeNaN();
  });

  it("hour 24 is only midnight of the next day: T24:00:00.000 parses, with milliseconds it does not", () => {
    expect(eventTimeMs({ "@timestamp": "2026-01-05T24:00:00.000Z" })).toBe(Date.UTC(2026, 0, 6));
    expect(eventTimeMs({ "@timestamp": "2026-01-05T24:00:00.500Z" })).toBeNaN();
  });

  it("canonical timestamps, valid or not, read in any order, give what Date.parse gives each alone", () => {
    const pad = (n: number, width: number) => String(n).padStart(width, "0");
    // A few seconds (some out of range) and many milliseconds of them, so seconds repeat and interleave.
    const second = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
      .map(([y, mo, d, h, mi, s]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`);
    const reads = fc.array(second, { minLength: 1, maxLength: 3 }).chain((seconds) =>
      fc.array(fc.tuple(fc.integer({ min: 0, max: seconds.length - 1 }), fc.integer({ min: 0, max: 999 })), { minLength: 1, maxLength: 20 })
        .map((picks) => picks.map(([at, ms]) => `${seconds[at]}.${pad(ms, 3)}Z`)));
    fc.assert(fc.property(reads, (stamps) => {
      for (const stamp of stamps) expect(eventTimeMs({ "@timestamp": stamp })).toBe(Date.parse(stamp));
    }), { numRuns: 500 });
  });
});
