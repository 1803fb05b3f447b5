import { describe, expect, it } from "vitest";
import { isInWindow, isValidTimeZone, minuteOfDay } from "@/lib/triage/time-of-day";

// Offsets from the IANA rules: Paris UTC+1 in winter, UTC+2 from the last Sunday of March;
// New York UTC−5/−4; Kolkata UTC+5:30 all year; Kathmandu UTC+5:45.
const rows: Array<[iso: string, zone: string, minute: number]> = [
  ["2026-01-15T08:30:00Z", "Europe/Paris", 9 * 60 + 30],
  ["2026-07-15T08:30:00Z", "Europe/Paris", 10 * 60 + 30],
  ["2026-03-29T00:59:00Z", "Europe/Paris", 60 + 59],
  ["2026-03-29T01:00:00Z", "Europe/Paris", 3 * 60],
  ["2026-07-01T23:30:00Z", "Europe/Paris", 60 + 30],
  ["2026-01-15T03:00:00Z", "America/New_York", 22 * 60],
  ["2026-01-15T00:00:00Z", "Asia/Kolkata", 5 * 60 + 30],
  ["2026-01-15T00:00:00Z", "Asia/Kathmandu", 5 * 60 + 45],
  ["2026-01-15T23:59:59Z", "UTC", 23 * 60 + 59],
];

describe("minuteOfDay", () => {
  it.each(rows)("%s in %s", (iso, zone, minute) => {
    expect(minuteOfDay(Date.parse(iso), zone)).toBe(minute);
  });

  it("rejects unknown zones", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("isInWindow", () => {
  const windows: Array<[minute: number, start: number, end: number, inside: boolean]> = [
    [540, 540, 1080, true],
    [1079, 540, 1080, true],
    [1080, 540, 1080, false],
    [539, 540, 1080, false],
    [23 * 60, 22 * 60, 6 * 60, true],
    [0, 22 * 60, 6 * 60, true],
    [359, 22 * 60, 6 * 60, true],
    [360, 22 * 60, 6 * 60, false],
    [12 * 60, 22 * 60, 6 * 60, false],
  ];
  it.each(windows)("%i in [%i, %i) = %s", (minute, start, end, inside) => {
    expect(isInWindow(minute, start, end)).toBe(inside);
  });
});
