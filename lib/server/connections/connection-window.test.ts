import { describe, expect, it } from "vitest";
import { connectionHealth, MAX_WINDOW_MS, nextWindow, retryDelayMs } from "@/lib/server/connections/connection-window";

const now = new Date("2026-11-28T12:00:00Z");
const minutes = (n: number) => n * 60_000;
const ago = (ms: number) => new Date(now.getTime() - ms);
const kibana = { intervalSeconds: 300, lookbackSeconds: 540 };

describe("nextWindow", () => {
  it.each([
    ["first run: the lookback", null, kibana, ago(minutes(9)), now, false],
    ["on schedule: checkpoint minus the 4 min overlap", ago(minutes(5)), kibana, ago(minutes(9)), now, false],
    ["late run: starts at the checkpoint minus overlap, so nothing is skipped", ago(minutes(30)), kibana, ago(minutes(34)), now, false],
    ["rewind longer than the overlap wins", ago(minutes(5)), { ...kibana, minRewindMs: minutes(9) }, ago(minutes(14)), now, false],
    ["after 3 days down: one bounded window, then catch up", ago(minutes(3 * 24 * 60)), kibana, ago(minutes(3 * 24 * 60 + 4)), ago(minutes(3 * 24 * 60 + 4) - MAX_WINDOW_MS), true],
    ["checkpoint in the future (clock went back): still the lookback", new Date(now.getTime() + minutes(10)), kibana, ago(minutes(9)), now, false],
  ])("%s", (_name, checkpoint, settings, start, end, catchingUp) => {
    expect(nextWindow(checkpoint, now, settings)).toEqual({ start, end, catchingUp });
  });

  it("consecutive catch-up windows cover the outage without gaps", () => {
    let checkpoint: Date | null = ago(minutes(10 * 60));
    let covered = checkpoint.getTime();
    for (let i = 0; i < 20 && checkpoint.getTime() < now.getTime(); i++) {
      const window = nextWindow(checkpoint, now, kibana);
      expect(window.start.getTime()).toBeLessThanOrEqual(covered);
      covered = window.end.getTime();
      checkpoint = window.end;
    }
    expect(covered).toBe(now.getTime());
  });
});

describe("connectionHealth", () => {
  const base = { enabled: true, checkpoint: ago(minutes(5)), consecutiveFailures: 0, intervalSeconds: 300 };
  it.each([
    ["healthy", base, "healthy"],
    ["paused when disabled, even if failing", { ...base, enabled: false, consecutiveFailures: 3 }, "paused"],
    ["failing beats lagging", { ...base, consecutiveFailures: 1, checkpoint: ago(minutes(120)) }, "failing"],
    ["lagging when more than two intervals behind", { ...base, checkpoint: ago(minutes(12)) }, "lagging"],
    ["pending before the first run", { ...base, checkpoint: null }, "pending"],
  ] as const)("%s", (_name, input, expected) => {
    expect(connectionHealth(input, now)).toBe(expected);
  });
});

describe("retryDelayMs", () => {
  it("doubles from one minute and never exceeds the interval", () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, 300))).toEqual([60_000, 120_000, 240_000, 300_000, 300_000]);
  });
});
