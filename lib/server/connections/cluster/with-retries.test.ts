import { describe, expect, it } from "vitest";
import { parseRetryAfterMs } from "@/lib/server/connections/cluster/retry-after";
import { ClusterError } from "@/lib/server/connections/cluster/search-cluster";
import { retryDelayMs, withRetries } from "@/lib/server/connections/cluster/with-retries";

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 };
const asIs = (e: unknown) => (e instanceof ClusterError ? e : new ClusterError("network", String(e)));

function failing(errors: ClusterError[], value = "ok") {
  let calls = 0;
  const call = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return value;
  };
  return { call, calls: () => calls };
}

describe("withRetries", () => {
  it("retries retryable kinds with exponential backoff and equal jitter, then returns the value", async () => {
    const sleeps: number[] = [];
    const { call, calls } = failing([new ClusterError("unavailable", "503"), new ClusterError("timeout", "t"), new ClusterError("network", "reset")]);
    const value = await withRetries(call, { policy, toError: asIs, sleep: async (ms) => void sleeps.push(ms), random: () => 1 });
    expect(value).toBe("ok");
    expect(calls()).toBe(4);
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it("never waits less than half the backoff, nor more than maxDelayMs", () => {
    const error = new ClusterError("unavailable", "503");
    expect(retryDelayMs(error, 1, policy, () => 0)).toBe(50);
    expect(retryDelayMs(error, 10, policy, () => 1)).toBe(1_000);
  });

  it("waits exactly the server's Retry-After, capped by maxDelayMs", async () => {
    const sleeps: number[] = [];
    const { call } = failing([new ClusterError("rate_limited", "429", 429, 700), new ClusterError("rate_limited", "429", 429, 60_000)]);
    await withRetries(call, { policy, toError: asIs, sleep: async (ms) => void sleeps.push(ms) });
    expect(sleeps).toEqual([700, 1_000]);
  });

  it.each(["auth", "bad_request", "not_found", "partial", "tls", "unsupported"] as const)("does not retry %s", async (kind) => {
    const sleeps: number[] = [];
    const { call, calls } = failing([new ClusterError(kind, "no")]);
    await expect(withRetries(call, { policy, toError: asIs, sleep: async (ms) => void sleeps.push(ms) })).rejects.toMatchObject({ kind });
    expect(calls()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("gives up after maxAttempts with a retryable error that says so", async () => {
    const { call, calls } = failing(Array.from({ length: 9 }, () => new ClusterError("unavailable", "Elasticsearch is unavailable (503)", 503)));
    const error = await withRetries(call, { policy, toError: asIs, sleep: async () => {} }).catch((e: unknown) => e);
    expect(calls()).toBe(4);
    expect(error).toBeInstanceOf(ClusterError);
    expect(error).toMatchObject({ kind: "unavailable", status: 503, isRetryable: true, message: "Elasticsearch is unavailable (503) (gave up after 4 attempts)" });
  });
});

describe("parseRetryAfterMs", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfterMs("2")).toBe(2_000);
    expect(parseRetryAfterMs(["0"])).toBe(0);
  });

  it("measures an HTTP date against the response's own Date header (a cluster clock that is off)", () => {
    const serverNow = Date.parse("2026-03-01T12:00:00Z");
    const localNow = serverNow - 3_600_000;
    expect(parseRetryAfterMs(new Date(serverNow + 5_000).toUTCString(), new Date(serverNow).toUTCString(), localNow)).toBe(5_000);
    expect(parseRetryAfterMs(new Date(localNow + 4_000).toUTCString(), undefined, localNow)).toBe(4_000);
  });

  it("ignores what it cannot read", () => {
    expect(parseRetryAfterMs(undefined)).toBeUndefined();
    expect(parseRetryAfterMs("soon")).toBeUndefined();
  });
});
