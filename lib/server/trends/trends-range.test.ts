import { describe, expect, test } from "vitest";
import { slaTargets } from "@/lib/server/trends/sla-targets";
import { localToday, resolveRange } from "@/lib/server/trends/trends-range";

describe("resolveRange", () => {
  test.each([
    // explicit range → previous period of equal length, ending the day before
    [{ from: "2025-03-29", to: "2025-03-31" }, { from: "2025-03-29", to: "2025-03-31", days: 3, previous: { from: "2025-03-26", to: "2025-03-28" } }],
    // across a month end and the DST switch: days are calendar days
    [{ from: "2025-03-01", to: "2025-03-31" }, { from: "2025-03-01", to: "2025-03-31", days: 31, previous: { from: "2025-01-29", to: "2025-02-28" } }],
    // default: the last 30 local days ending today where the user is
    [{}, { from: "2025-03-02", to: "2025-03-31", days: 30, previous: { from: "2025-01-31", to: "2025-03-01" } }],
  ])("%j", (input, expected) => {
    const now = new Date("2025-03-30T23:30:00Z"); // already the 31st in Berlin
    expect(resolveRange({ ...input, tz: "Europe/Berlin", bucket: "day" }, now)).toEqual({ ...expected, tz: "Europe/Berlin", bucket: "day" });
  });

  test("today depends on the time zone", () => {
    const now = new Date("2025-03-30T23:30:00Z");
    expect([localToday("UTC", now), localToday("Europe/Berlin", now), localToday("America/New_York", now)]).toEqual(["2025-03-30", "2025-03-31", "2025-03-30"]);
  });
});

test("SLA targets: defaults in code, overridable per priority and measure", () => {
  expect(slaTargets({})).toEqual({ high: { ack: 15, close: 240 }, medium: { ack: 60, close: 1440 }, low: { ack: 240, close: 4320 } });
  expect(slaTargets({ ackHigh: 5, closeLow: 60 })).toMatchObject({ high: { ack: 5, close: 240 }, low: { ack: 240, close: 60 } });
});
