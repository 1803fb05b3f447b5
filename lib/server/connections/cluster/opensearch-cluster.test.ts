import { afterEach, describe, expect, it } from "vitest";
import { processEvents, startFakeCluster, stopFakeCluster, type FakeCluster } from "@/lib/server/connections/cluster/test-support/fake-cluster";

let c: FakeCluster | undefined;
afterEach(async () => {
  await stopFakeCluster(c);
  c = undefined;
});

const everything = { match_all: {} };

async function pageThrough(c: FakeCluster, size: number) {
  const pitId = await c.cluster.openPointInTime(["winlogbeat-*"], "2m");
  const ids: string[] = [];
  for (let after: unknown[] | undefined; ; ) {
    const page = await c.cluster.searchPage({ pitId, keepAlive: "2m", query: everything, size, searchAfter: after });
    ids.push(...page.hits.map((h) => h._id));
    if (page.hits.length < size) break;
    after = page.hits.at(-1)!.sort;
  }
  await c.cluster.closePointInTime(pitId);
  return ids;
}

describe("OpenSearchCluster against the fake", () => {
  it("reports version and cluster name", async () => {
    c = await startFakeCluster("opensearch", { clusterName: "os-soc" });
    expect(await c.cluster.info()).toEqual({ flavor: "opensearch", version: "2.19.1", clusterName: "os-soc" });
  });

  it("counts documents per pattern through _cat/indices and _count", async () => {
    c = await startFakeCluster("opensearch");
    c.fake.addDocuments("winlogbeat-a", processEvents(4, 1));
    c.fake.addDocuments("winlogbeat-b", processEvents(2, 1));
    expect(await c.cluster.countDocuments(["winlogbeat-*", "absent"])).toEqual([
      { pattern: "winlogbeat-*", indices: ["winlogbeat-a", "winlogbeat-b"], documents: 6 },
      { pattern: "absent", indices: [], documents: 0 },
    ]);
    expect(c.fake.requests.map((r) => r.path)).toContain("/_cat/indices/winlogbeat-*");
  });

  it("pages through a PIT with the _id tiebreaker on 2.x (no _shard_doc, no sort format there)", async () => {
    c = await startFakeCluster("opensearch", { shardsPerIndex: 3 });
    const docs = processEvents(34, 6);
    c.fake.addDocuments("winlogbeat-a", docs);
    const ids = await pageThrough(c, 8);
    expect(ids).toHaveLength(34);
    expect(new Set(ids)).toEqual(new Set(docs.map((d) => d._id)));
    const search = c.fake.requests.find((r) => r.path === "/_search");
    expect(search?.body).toMatchObject({ sort: [{ "@timestamp": { order: "asc", unmapped_type: "date" } }, { _id: "asc" }], track_total_hits: false });
    const create = c.fake.requests.find((r) => r.path.endsWith("/_search/point_in_time") && r.method === "POST");
    expect(create?.query).toMatchObject({ keep_alive: "2m", allow_partial_pit_creation: "false" });
    expect(c.fake.openPointInTimeCount()).toBe(0);
  });

  it("uses _shard_doc from OpenSearch 3.3", async () => {
    c = await startFakeCluster("opensearch", { version: "3.3.0", shardsPerIndex: 2 });
    c.fake.addDocuments("winlogbeat-a", processEvents(20, 5));
    expect(await pageThrough(c, 6)).toHaveLength(20);
    expect(c.fake.requests.find((r) => r.path === "/_search")?.body).toMatchObject({ sort: [{ "@timestamp": { order: "asc" } }, { _shard_doc: "asc" }] });
  });

  it("reports an expired PIT as not_found", async () => {
    c = await startFakeCluster("opensearch");
    c.fake.addDocuments("winlogbeat-a", processEvents(2, 1));
    const pitId = await c.cluster.openPointInTime(["winlogbeat-*"], "1m");
    c.fake.expirePointInTimes();
    await expect(c.cluster.searchPage({ pitId, keepAlive: "1m", query: everything, size: 5 })).rejects.toMatchObject({ kind: "not_found", status: 404 });
  });

  it("has no EQL: push-down is refused with a clear message", async () => {
    c = await startFakeCluster("opensearch");
    await expect(c.cluster.eqlSearch({ indexPatterns: ["winlogbeat-*"], query: "process where true", filter: everything, size: 1 })).rejects.toMatchObject({
      kind: "unsupported",
      message: "OpenSearch has no EQL endpoint; use pull mode",
    });
    expect(c.fake.requests).toHaveLength(0);
  });
});
