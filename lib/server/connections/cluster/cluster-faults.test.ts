import { afterEach, describe, expect, it } from "vitest";
import { ClusterError } from "@/lib/server/connections/cluster/search-cluster";
import { PASSWORD, USER, processEvents, startFakeCluster, stopFakeCluster, type FakeCluster } from "@/lib/server/connections/cluster/test-support/fake-cluster";

let c: FakeCluster | undefined;
afterEach(async () => {
  await stopFakeCluster(c);
  c = undefined;
});

const everything = { match_all: {} };
const searchPath = /^\/winlogbeat-\*\/_search$/;
const searchCalls = () => c!.fake.requests.filter((r) => searchPath.test(r.path)).length;

describe.each(["elasticsearch", "opensearch"] as const)("faults on %s", (flavor) => {
  const vendor = flavor === "elasticsearch" ? "Elasticsearch" : "OpenSearch";

  async function seeded(config = {}) {
    c = await startFakeCluster(flavor, {}, config);
    c.fake.addDocuments("winlogbeat-a", processEvents(3, 1));
    return c;
  }

  it("401: fails at once with the server's reason and never the password", async () => {
    const { fake, cluster, sleeps } = await seeded();
    fake.setAuth({ username: USER, password: "rotated-elsewhere" });
    const error = await cluster.search(["winlogbeat-*"], everything, 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterError);
    expect(error).toMatchObject({ kind: "auth", status: 401, isRetryable: false });
    const expected = flavor === "elasticsearch" ? `unable to authenticate user [${USER}]` : "401 Unauthorized";
    expect((error as Error).message).toContain(`${vendor} refused the credentials (`);
    expect((error as Error).message).toContain(expected);
    expect((error as Error).message).not.toContain(PASSWORD);
    expect(searchCalls()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("403: fails at once as auth with the missing privilege", async () => {
    const { fake, cluster } = await seeded();
    fake.failNext({ path: searchPath, status: 403 });
    const error = await cluster.search(["winlogbeat-*"], everything, 5).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "auth", status: 403, message: expect.stringContaining("indices:data/read/search") });
    expect(searchCalls()).toBe(1);
  });

  it("429: waits what Retry-After says, then succeeds", async () => {
    const { fake, cluster, sleeps } = await seeded();
    fake.failNext({ path: searchPath, status: 429, retryAfter: 2 });
    expect((await cluster.search(["winlogbeat-*"], everything, 5)).hits).toHaveLength(3);
    expect(sleeps).toEqual([2_000]);
    expect(searchCalls()).toBe(2);
  });

  it("429 with an HTTP-date Retry-After from a cluster whose clock runs an hour ahead", async () => {
    const { fake, cluster, sleeps } = await seeded();
    fake.setClockOffset(3_600_000);
    fake.failNext({ path: searchPath, status: 429, retryAfter: new Date(Date.now() + 3_600_000 + 3_000).toUTCString() });
    await cluster.search(["winlogbeat-*"], everything, 5);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(2_000);
    expect(sleeps[0]).toBeLessThanOrEqual(4_000);
  });

  it("503 then success: one backoff", async () => {
    const { fake, cluster, sleeps } = await seeded();
    fake.failNext({ path: searchPath, status: 503 });
    expect((await cluster.search(["winlogbeat-*"], everything, 5)).hits).toHaveLength(3);
    expect(sleeps).toEqual([75]); // base 100 ms, equal jitter at random() = 0.5
  });

  it("a timeout then success", async () => {
    // undici (the Elasticsearch client's HTTP layer) checks timeouts on a ~1 s tick, hence the margins.
    const { fake, cluster, sleeps } = await seeded({ requestTimeoutMs: 500 });
    fake.failNext({ path: searchPath, delayMs: 2_500 });
    expect((await cluster.search(["winlogbeat-*"], everything, 5)).hits).toHaveLength(3);
    expect(sleeps).toHaveLength(1);
    expect(searchCalls()).toBe(2);
  });

  it("gives up after the retry budget with a retryable error", async () => {
    const { fake, cluster, sleeps } = await seeded();
    fake.failNext({ path: searchPath, status: 502, times: 10 });
    const error = await cluster.search(["winlogbeat-*"], everything, 5).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "unavailable", status: 502, isRetryable: true, message: `${vendor} is unavailable (502 <html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>) (gave up after 3 attempts)` });
    expect(searchCalls()).toBe(3);
    expect(sleeps).toEqual([75, 150]);
  });

  it("partial shard failures on a plain search", async () => {
    c = await startFakeCluster(flavor, { shardsPerIndex: 5 });
    c.fake.addDocuments("winlogbeat-a", processEvents(20, 1));
    c.fake.failShards({ path: searchPath, failed: 2, reason: { type: "node_disconnected_exception", reason: "[node-3] disconnected" } });
    await expect(c.cluster.search(["winlogbeat-*"], everything, 50)).rejects.toMatchObject({
      kind: "partial",
      message: "2 of 5 shards failed: node_disconnected_exception: [node-3] disconnected",
    });
  });
});
