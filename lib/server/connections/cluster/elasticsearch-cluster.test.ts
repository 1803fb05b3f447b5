import { afterEach, describe, expect, it } from "vitest";
import { ClusterError, type ClusterHit } from "@/lib/server/connections/cluster/search-cluster";
import { processEvents, startFakeCluster, stopFakeCluster, type FakeCluster } from "@/lib/server/connections/cluster/test-support/fake-cluster";

let c: FakeCluster | undefined;
afterEach(async () => {
  await stopFakeCluster(c);
  c = undefined;
});

const everything = { match_all: {} };

async function readAll(cluster: FakeCluster["cluster"], pitId: string, size: number, searchAfter?: unknown[]) {
  const pages: ClusterHit[][] = [];
  for (let after = searchAfter; ; ) {
    const page = await cluster.searchPage({ pitId, keepAlive: "1m", query: everything, size, searchAfter: after });
    pages.push(page.hits);
    if (page.hits.length < size) return pages;
    after = page.hits.at(-1)!.sort;
  }
}

describe("ElasticsearchCluster against the fake", () => {
  it("reports version and cluster name", async () => {
    c = await startFakeCluster("elasticsearch", { clusterName: "soc-prod" });
    expect(await c.cluster.info()).toEqual({ flavor: "elasticsearch", version: "8.19.2", clusterName: "soc-prod" });
  });

  it("counts documents per pattern; missing patterns and indices are zero, not errors", async () => {
    c = await startFakeCluster("elasticsearch");
    c.fake.addDocuments("winlogbeat-2026.01.05", processEvents(5, 1));
    c.fake.addDocuments("winlogbeat-2026.01.06", processEvents(3, 1, Date.UTC(2026, 0, 6)));
    const counts = await c.cluster.countDocuments(["winlogbeat-*", "logs-endpoint.events.process-*", "no-such-index"]);
    expect(counts).toEqual([
      { pattern: "winlogbeat-*", indices: ["winlogbeat-2026.01.05", "winlogbeat-2026.01.06"], documents: 8 },
      { pattern: "logs-endpoint.events.process-*", indices: [], documents: 0 },
      { pattern: "no-such-index", indices: [], documents: 0 },
    ]);
    const inRange = await c.cluster.countDocuments(["winlogbeat-*"], { gte: "2026-01-05T10:00:01.000Z", lte: "2026-01-05T10:00:03.000Z" });
    expect(inRange[0].documents).toBe(3);
  });

  it("falls back to counts only when listing indices is forbidden", async () => {
    c = await startFakeCluster("elasticsearch");
    c.fake.addDocuments("winlogbeat-a", processEvents(4, 2));
    c.fake.failNext({ path: /^\/_resolve\/index\//, status: 403 });
    expect(await c.cluster.countDocuments(["winlogbeat-*"])).toEqual([{ pattern: "winlogbeat-*", indices: [], documents: 4 }]);
  });

  it("pages through a point in time: every document exactly once, in @timestamp order, ties split across pages and shards", async () => {
    c = await startFakeCluster("elasticsearch", { shardsPerIndex: 3 });
    const docs = processEvents(47, 7);
    c.fake.addDocuments("winlogbeat-a", docs.slice(0, 30));
    c.fake.addDocuments("winlogbeat-b", docs.slice(30));
    const pitId = await c.cluster.openPointInTime(["winlogbeat-*", "missing-index"], "1m");
    const pages = await readAll(c.cluster, pitId, 10);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 10, 7]);
    const hits = pages.flat();
    expect(hits.map((h) => h._id).sort()).toEqual(docs.map((d) => d._id));
    const times = hits.map((h) => Date.parse((h._source as { "@timestamp": string })["@timestamp"]));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(hits[0].sort).toHaveLength(2);
    const searches = c.fake.requests.filter((r) => r.path === "/_search");
    expect(searches).toHaveLength(5);
    expect(searches[1].body).toMatchObject({
      pit: { id: pitId, keep_alive: "1m" },
      sort: [{ "@timestamp": { order: "asc", format: "strict_date_optional_time_nanos", unmapped_type: "date" } }, { _shard_doc: "asc" }],
      track_total_hits: false,
      search_after: pages[0].at(-1)!.sort,
    });
    await c.cluster.closePointInTime(pitId);
    expect(c.fake.openPointInTimeCount()).toBe(0);
  });

  it("resumes with search_after from a stored sort value, and sees the PIT's snapshot only", async () => {
    c = await startFakeCluster("elasticsearch", { shardsPerIndex: 2 });
    c.fake.addDocuments("winlogbeat-a", processEvents(25, 4));
    const pitId = await c.cluster.openPointInTime(["winlogbeat-*"], "1m");
    const all = (await readAll(c.cluster, pitId, 10)).flat();
    c.fake.addDocuments("winlogbeat-a", processEvents(3, 1, Date.UTC(2026, 0, 5, 10, 0, 3)).map((d) => ({ ...d, _id: `late-${d._id}` })));
    const resumed = (await readAll(c.cluster, pitId, 10, all[9].sort)).flat();
    expect(resumed.map((h) => h._id)).toEqual(all.slice(10).map((h) => h._id));
  });

  it("searches without a PIT in @timestamp order (context lookups)", async () => {
    c = await startFakeCluster("elasticsearch");
    c.fake.addDocuments("winlogbeat-a", processEvents(6, 1).reverse());
    const { hits, shards } = await c.cluster.search(["winlogbeat-*", "absent"], { term: { "process.name": "PsExec.exe" } }, 10);
    expect(hits.map((h) => h._id)).toEqual(["evt-000", "evt-002", "evt-004"]);
    expect(shards).toMatchObject({ total: 1, failed: 0 });
  });

  it("fails a page whose shards failed with 'partial' and the shard's reason", async () => {
    c = await startFakeCluster("elasticsearch", { shardsPerIndex: 3 });
    c.fake.addDocuments("winlogbeat-a", processEvents(12, 1));
    const pitId = await c.cluster.openPointInTime(["winlogbeat-*"], "1m");
    c.fake.failShards({ path: "/_search", failed: 1 });
    const error = await c.cluster.searchPage({ pitId, keepAlive: "1m", query: everything, size: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterError);
    expect(error).toMatchObject({ kind: "partial", message: expect.stringMatching(/^1 of 3 shards failed: no_shard_available_action_exception: /) });
    expect(c.sleeps).toEqual([]);
  });

  it("reports an expired point in time as not_found; closing it again is harmless", async () => {
    c = await startFakeCluster("elasticsearch");
    c.fake.addDocuments("winlogbeat-a", processEvents(3, 1));
    const pitId = await c.cluster.openPointInTime(["winlogbeat-*"], "1m");
    c.fake.expirePointInTimes();
    const error = await c.cluster.searchPage({ pitId, keepAlive: "1m", query: everything, size: 5 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "not_found", status: 404, message: expect.stringContaining("search_context_missing_exception") });
    await expect(c.cluster.closePointInTime(pitId)).resolves.toBeUndefined();
  });
});

describe("ElasticsearchCluster EQL push-down", () => {
  const t = (s: number) => new Date(Date.UTC(2026, 0, 5, 10, 0, s)).toISOString();
  const proc = (id: string, s: number, host: string, name: string) => ({ _id: id, "@timestamp": t(s), host: { name: host }, event: { category: ["process"] }, process: { name: name, entity_id: `${host}-${id}` } });
  const net = (id: string, s: number, host: string) => ({ _id: id, "@timestamp": t(s), host: { name: host }, event: { category: ["network"] }, destination: { port: 445 } });
  const scenario = [proc("p1", 1, "ws-01", "PsExec.exe"), net("n1", 2, "ws-01"), proc("p2", 3, "ws-02", "PsExec.exe"), net("n2", 40, "ws-02"), proc("p3", 50, "ws-03", "cmd.exe"), net("n3", 51, "ws-03")];
  const sequence = 'sequence by host.name with maxspan=10s [process where process.name == "PsExec.exe"] [network where destination.port == 445]';
  const window = { range: { "@timestamp": { gte: t(0), lte: t(59), format: "strict_date_optional_time" } } };

  it("returns sequences with join keys and the events as stored", async () => {
    c = await startFakeCluster("elasticsearch");
    c.fake.addDocuments("logs-endpoint.events.process-default", scenario.filter((d) => d.event.category[0] === "process"));
    c.fake.addDocuments("logs-endpoint.events.network-default", scenario.filter((d) => d.event.category[0] === "network"));
    const result = await c.cluster.eqlSearch({ indexPatterns: ["logs-endpoint.events.*"], query: sequence, filter: window, size: 100 });
    expect(result.sequences).toEqual([
      {
        joinKeys: ["ws-01"],
        events: [
          { _index: "logs-endpoint.events.process-default", _id: "p1", _source: withoutId(scenario[0]) },
          { _index: "logs-endpoint.events.network-default", _id: "n1", _source: withoutId(scenario[1]) },
        ],
      },
    ]);
    expect(result).toMatchObject({ events: [], isPartial: false, timedOut: false });
    expect(c.fake.requests.find((r) => r.path.endsWith("/_eql/search"))?.body).toEqual({
      query: sequence, filter: window, size: 100, timestamp_field: "@timestamp", event_category_field: "event.category", result_position: "head",
      allow_partial_search_results: false, allow_partial_sequence_results: false,
    });
  });

  it("returns events for event queries, filtered by the window, the earliest `size` (result_position head)", async () => {
    c = await startFakeCluster("elasticsearch");
    c.fake.addDocuments("logs-endpoint.events.process-default", scenario.filter((d) => d.event.category[0] === "process"));
    const narrow = { range: { "@timestamp": { gte: t(2), lte: t(59) } } };
    const result = await c.cluster.eqlSearch({ indexPatterns: ["logs-*"], query: "process where true", filter: narrow, size: 1, tiebreakerField: "process.entity_id" });
    expect(result.events.map((e) => e._id)).toEqual(["p2"]);
    expect(result.sequences).toEqual([]);
  });

  it("works with Elasticsearch 7.17, which refuses the 8.x client's compatible-with=8 media types", async () => {
    c = await startFakeCluster("elasticsearch", { version: "7.17.20" });
    c.fake.addDocuments("logs-endpoint.events.process-default", scenario);
    expect(await c.cluster.info()).toMatchObject({ version: "7.17.20" });
    const pit = await c.cluster.openPointInTime(["logs-*"], "1m");
    const page = await c.cluster.searchPage({ pitId: pit, keepAlive: "1m", query: everything, size: 100 });
    expect(page.hits).toHaveLength(scenario.length);
    await c.cluster.closePointInTime(pit);
    const result = await c.cluster.eqlSearch({ indexPatterns: ["logs-*"], query: sequence, filter: window, size: 10 });
    expect(result.sequences.map((s) => s.joinKeys)).toEqual([["ws-01"]]);
    expect(c.fake.requests.find((r) => r.path.endsWith("/_eql/search"))?.body).not.toHaveProperty("allow_partial_search_results");
    expect(c.fake.requests.every((r) => r.status < 400 && !String(r.headers.accept).includes("compatible-with"))).toBe(true);
  });

  it("does not send the 8.18+ partial-results options to an older Elasticsearch", async () => {
    c = await startFakeCluster("elasticsearch", { version: "8.17.4" });
    c.fake.addDocuments("logs-endpoint.events.process-default", scenario.slice(0, 1));
    const result = await c.cluster.eqlSearch({ indexPatterns: ["logs-*"], query: "process where true", filter: window, size: 10 });
    expect(result.events).toHaveLength(1);
    expect(c.fake.requests.find((r) => r.path.endsWith("/_eql/search"))?.body).not.toHaveProperty("allow_partial_search_results");
  });

  it("turns shard failures during EQL into 'partial'", async () => {
    c = await startFakeCluster("elasticsearch", { shardsPerIndex: 2 });
    c.fake.addDocuments("logs-endpoint.events.process-default", scenario);
    c.fake.failShards({ path: /_eql\/search$/, failed: 1 });
    await expect(c.cluster.eqlSearch({ indexPatterns: ["logs-*"], query: sequence, filter: window, size: 10 })).rejects.toMatchObject({ kind: "partial" });
  });

  it("surfaces the cluster's verdict on a query it cannot run", async () => {
    c = await startFakeCluster("elasticsearch");
    c.fake.addDocuments("logs-endpoint.events.process-default", scenario.slice(0, 1));
    const error = await c.cluster.eqlSearch({ indexPatterns: ["logs-*"], query: 'process where process.nme == "x"', filter: window, size: 10 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "bad_request", message: "Elasticsearch rejected the request (400 verification_exception: Found 1 problem\nline 1:15: Unknown column [process.nme])" });
  });
});

function withoutId<T extends { _id: string }>(doc: T): Omit<T, "_id"> {
  const { _id: _drop, ...rest } = doc;
  return rest;
}
