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
});
