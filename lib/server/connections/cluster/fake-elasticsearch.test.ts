import { Client } from "@elastic/elasticsearch";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeElasticsearch, type FakeElasticsearch, type FakeOptions } from "@/test/fake-elasticsearch/server";

// The fake's own contract: the Elasticsearch behaviours Lateral's tests rely on (test/fake-elasticsearch).
let fake: FakeElasticsearch | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

const JSON_8 = "application/vnd.elasticsearch+json; compatible-with=8";

async function start(options: FakeOptions = {}) {
  fake = await startFakeElasticsearch(options);
  return fake;
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake!.url}${path}`, {
    method,
    headers: { accept: JSON_8, ...(body === undefined ? {} : { "content-type": JSON_8 }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
}

const count = async (query: unknown, index = "idx") => (await call("POST", `/${index}/_count`, { query })).body.count as number;

describe("fake Elasticsearch: protocol", () => {
  it("answers GET / with the product header, the echoed media type and a Date shifted by the clock offset", async () => {
    await start({ clockOffsetMs: 7_200_000 });
    const { status, headers, body } = await call("GET", "/");
    expect(status).toBe(200);
    expect(headers.get("x-elastic-product")).toBe("Elasticsearch");
    expect(headers.get("content-type")).toBe("application/vnd.elasticsearch+json;compatible-with=8");
    expect(Math.abs(Date.parse(headers.get("date")!) - (Date.now() + 7_200_000))).toBeLessThan(2_000);
    expect(body).toMatchObject({ version: { number: "8.19.2", build_flavor: "default" }, tagline: "You Know, for Search" });
  });

  it("answers as OpenSearch: distribution in GET /, no product header", async () => {
    await start({ flavor: "opensearch" });
    const { headers, body } = await call("GET", "/", undefined, { accept: "application/json" });
    expect(headers.get("x-elastic-product")).toBeNull();
    expect(body.version).toMatchObject({ distribution: "opensearch", number: "2.19.1" });
  });

  it("401 carries the security challenges; basic and ApiKey credentials are accepted", async () => {
    await start({ auth: { username: "u", password: "p", apiKey: "k3y" } });
    const denied = await call("GET", "/");
    expect(denied.status).toBe(401);
    expect(denied.headers.get("www-authenticate")).toContain('Basic realm="security"');
    expect(denied.body.error).toMatchObject({ type: "security_exception", reason: "missing authentication credentials for REST request [/]" });
    expect((await call("GET", "/", undefined, { authorization: `Basic ${Buffer.from("u:p").toString("base64")}` })).status).toBe(200);
    expect((await call("GET", "/", undefined, { authorization: "ApiKey k3y" })).status).toBe(200);
  });

  it("rejects a compatible-with it does not support, and unknown query parameters", async () => {
    await start();
    const nine = await call("GET", "/", undefined, { accept: "application/vnd.elasticsearch+json; compatible-with=9" });
    expect(nine.status).toBe(400);
    expect(nine.body.error.type).toBe("media_type_header_exception");
    const param = await call("POST", "/_search?scroll_size=5", {});
    expect(param.body).toMatchObject({ status: 400, error: { type: "illegal_argument_exception", reason: "request [/_search] contains unrecognized parameter: [scroll_size]" } });
  });

  it("a missing concrete index is 404 unless ignore_unavailable; an empty wildcard is fine", async () => {
    await start();
    const missing = await call("POST", "/ghost/_search", {});
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ type: "index_not_found_exception", reason: "no such index [ghost]", "resource.id": "ghost" });
    expect((await call("POST", "/ghost/_search?ignore_unavailable=true", {})).status).toBe(200);
    expect((await call("POST", "/ghost-*/_search", {})).body.hits.hits).toEqual([]);
  });
});

describe("fake Elasticsearch: query DSL", () => {
  const docs = [
    { _id: "a", "@timestamp": "2026-01-05T10:00:00.000Z", host: { name: "WS-01" }, event: { category: ["process", "start"] }, n: 5 },
    { _id: "b", "@timestamp": "2026-01-05T10:05:00.123456Z", "host.name": "ws-02", event: { category: "network" }, n: 50 },
    { _id: "c", "@timestamp": Date.parse("2026-01-05T10:10:00Z"), host: { name: "SRV-01" }, n: 7, tags: [{ v: "x" }, { v: "y" }] },
  ];

  it.each([
    [{ match_all: {} }, 3],
    [{ term: { "host.name": "ws-02" } }, 1],
    [{ term: { "host.name": { value: "ws-01", case_insensitive: true } } }, 1],
    [{ term: { "event.category": "process" } }, 1],
    [{ terms: { "host.name": ["WS-01", "SRV-01", "nope"] } }, 2],
    [{ prefix: { "host.name": "WS" } }, 1],
    [{ exists: { field: "event.category" } }, 2],
    [{ term: { "tags.v": "y" } }, 1],
    [{ ids: { values: ["a", "c"] } }, 2],
    [{ range: { "@timestamp": { gte: "2026-01-05T10:05:00.123Z", lte: "2026-01-05T10:10:00Z" } } }, 2],
    [{ range: { "@timestamp": { gt: Date.parse("2026-01-05T10:00:00Z"), format: "epoch_millis" } } }, 2],
    [{ range: { "@timestamp": { lt: "now-1d" } } }, 3],
    [{ range: { n: { gte: 6, lt: 50 } } }, 1],
    [{ bool: { filter: [{ exists: { field: "n" } }], must_not: { term: { "host.name": "WS-01" } } } }, 2],
    [{ bool: { should: [{ term: { n: 5 } }, { term: { n: 7 } }, { term: { n: 50 } }], minimum_should_match: 2 } }, 0],
    [{ bool: { should: [{ term: { n: 5 } }, { term: { n: 7 } }] } }, 2],
    [{ bool: { must: { match_all: {} }, should: [{ term: { n: 5 } }] } }, 3],
  ])("%j matches %i", async (query, expected) => {
    await start();
    fake!.addDocuments("idx", docs);
    expect(await count(query)).toBe(expected);
  });

  it("unknown clauses fail like Elasticsearch's parser; real but unimplemented ones fail loudly", async () => {
    await start();
    fake!.addDocuments("idx", docs);
    const unknown = await call("POST", "/idx/_count", { query: { termz: { a: 1 } } });
    expect(unknown.body).toMatchObject({ status: 400, error: { type: "parsing_exception", reason: "unknown query [termz]" } });
    const match = await call("POST", "/idx/_count", { query: { match: { a: 1 } } });
    expect(match.body.error.type).toBe("fake_not_implemented");
  });
});

describe("fake Elasticsearch: search and PIT rules", () => {
  it("refuses _id sorting (no fielddata on _id in 8.x), windows beyond 10 000 and index + pit together", async () => {
    await start();
    fake!.addDocuments("idx", [{ "@timestamp": "2026-01-05T10:00:00Z" }]);
    expect((await call("POST", "/idx/_search", { sort: [{ _id: "asc" }] })).body.error.root_cause[0].reason).toContain("Fielddata access on the _id field is disallowed");
    expect((await call("POST", "/idx/_search", { size: 10_001 })).body.error.root_cause[0].reason).toContain("Result window is too large");
    const pit = (await call("POST", "/idx/_pit?keep_alive=1m")).body.id as string;
    expect((await call("POST", "/idx/_search", { pit: { id: pit } })).body.error.reason).toContain("[indices] cannot be used with point in time");
    expect((await call("DELETE", "/_pit", { id: pit })).body).toEqual({ succeeded: true, num_freed: 1 });
    expect(await call("DELETE", "/_pit", { id: pit })).toMatchObject({ status: 404, body: { succeeded: true, num_freed: 0 } });
  });

  it("OpenSearch: no `format` in field sorts, no _shard_doc before 3.3", async () => {
    await start({ flavor: "opensearch" });
    fake!.addDocuments("idx", [{ "@timestamp": "2026-01-05T10:00:00Z" }]);
    const json = { accept: "application/json", "content-type": "application/json" };
    const format = await call("POST", "/idx/_search", { sort: [{ "@timestamp": { order: "asc", format: "strict_date_optional_time_nanos" } }] }, json);
    expect(format.body.error).toMatchObject({ type: "x_content_parse_exception", reason: "[1:1] [field_sort] unknown field [format]" });
    const pit = (await call("POST", "/idx/_search/point_in_time?keep_alive=1m", undefined, json)).body.pit_id as string;
    const shardDoc = await call("POST", "/_search", { pit: { id: pit }, sort: [{ _shard_doc: "asc" }] }, json);
    expect(shardDoc.body.error.root_cause[0].reason).toBe("No mapping found for [_shard_doc] in order to sort on");
  });
});

describe("fake Elasticsearch: indexing", () => {
  it("rejects documents that do not fit the dynamic mapping, as a cluster would", async () => {
    await start();
    const result = fake!.addDocuments("winlogbeat-x", [
      { _id: "1", "@timestamp": "2026-01-05T10:00:00Z", host: { name: "a" }, process: { pid: 4 } },
      { _id: "2", "@timestamp": { when: "yesterday" } },
      { _id: "3", "@timestamp": "2026-01-05T10:00:01Z", host: "flat-string" },
      { _id: "4", "@timestamp": 1767607200000, process: { pid: "12" } },
    ]);
    expect(result.indexed).toEqual(["1", "4"]);
    expect(result.rejected.map((r) => r._id)).toEqual(["2", "3"]);
    expect(result.rejected[1].reason).toContain("object mapping for [host] tried to parse field [host] as object, but found a concrete value");
  });

  it("takes NDJSON _bulk from the official client", async () => {
    await start();
    const client = new Client({ node: fake!.url });
    const answer = await client.bulk({ operations: [{ index: { _index: "logs-a", _id: "x" } }, { "@timestamp": "2026-01-05T10:00:00Z" }, { create: { _index: "logs-a", _id: "x" } }, { "@timestamp": "2026-01-05T10:00:00Z" }] });
    expect(answer.errors).toBe(true);
    expect(answer.items.map((i) => Object.values(i)[0].status)).toEqual([201, 409]);
    expect((await client.count({ index: "logs-a" })).count).toBe(1);
    await client.close();
  });
});

describe("fake Elasticsearch: EQL", () => {
  it("rejects fields no index maps, and options this version does not know", async () => {
    await start({ version: "8.17.0" });
    fake!.addDocuments("logs-a", [{ "@timestamp": "2026-01-05T10:00:00Z", event: { category: ["process"] }, process: { name: "x" } }]);
    const unknown = await call("POST", "/logs-a/_eql/search", { query: 'process where process.nme == "x" and ?user.name == null' });
    expect(unknown.body.error).toMatchObject({ type: "verification_exception", reason: "Found 1 problem\nline 1:15: Unknown column [process.nme]" });
    const partial = await call("POST", "/logs-a/_eql/search", { query: "process where true", allow_partial_search_results: false });
    expect(partial.body.error).toMatchObject({ type: "x_content_parse_exception", reason: "[1:1] [eql/search] unknown field [allow_partial_search_results]" });
    const syntax = await call("POST", "/logs-a/_eql/search", { query: "process where" });
    expect(syntax.body.error.type).toBe("parsing_exception");
  });

  it("defaults to 10 results from the tail; result_position head gives the earliest", async () => {
    await start();
    fake!.addDocuments("logs-a", Array.from({ length: 15 }, (_, i) => ({ _id: `e${i}`, "@timestamp": new Date(Date.UTC(2026, 0, 5, 10, 0, i)).toISOString(), event: { category: ["process"] } })));
    const tail = await call("POST", "/logs-a/_eql/search", { query: "process where true" });
    expect(tail.body.hits.events.map((e: { _id: string }) => e._id)).toEqual(["e5", "e6", "e7", "e8", "e9", "e10", "e11", "e12", "e13", "e14"]);
    const head = await call("POST", "/logs-a/_eql/search", { query: "process where true", size: 2, result_position: "head" });
    expect(head.body.hits.events.map((e: { _id: string }) => e._id)).toEqual(["e0", "e1"]);
    expect(head.body).toMatchObject({ is_partial: false, is_running: false, timed_out: false, hits: { total: { value: 2, relation: "eq" } } });
  });
});
