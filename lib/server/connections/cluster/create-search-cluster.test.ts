import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createSearchCluster, detectFlavor } from "@/lib/server/connections/cluster/create-search-cluster";
import type { ClusterConfig } from "@/lib/server/connections/cluster/search-cluster";
import { BASIC, PASSWORD, USER } from "@/lib/server/connections/cluster/test-support/fake-cluster";
import { startFakeElasticsearch, type FakeElasticsearch } from "@/test/fake-elasticsearch/server";

let fake: FakeElasticsearch | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

const noWait = { sleep: async () => {} };
const configFor = (url: string, extra: Partial<ClusterConfig> = {}): ClusterConfig => ({ urls: [url], auth: BASIC, verifyTls: true, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 }, ...extra });

describe("detectFlavor", () => {
  it.each(["elasticsearch", "opensearch"] as const)("recognises %s from a plain GET /", async (flavor) => {
    fake = await startFakeElasticsearch({ flavor, auth: { username: USER, password: PASSWORD } });
    expect(await detectFlavor(configFor(fake.url), noWait)).toBe(flavor);
    expect(fake.requests[0]).toMatchObject({ method: "GET", path: "/" });
  });

  it("takes Elasticsearch 7.17; refuses earlier 7.x with the version it needs", async () => {
    fake = await startFakeElasticsearch({ version: "7.17.20" });
    expect(await detectFlavor(configFor(fake.url), noWait)).toBe("elasticsearch");
    fake.setFlavor("elasticsearch", "7.16.3");
    await expect(detectFlavor(configFor(fake.url), noWait)).rejects.toMatchObject({ kind: "unsupported", message: "Elasticsearch 7.16.3 is not supported; Lateral needs Elasticsearch 7.17 or later" });
    // Before 7.14 there is not even the product header to tell Elasticsearch by.
    fake.setFlavor("elasticsearch", "7.10.2");
    await expect(detectFlavor(configFor(fake.url), noWait)).rejects.toMatchObject({ kind: "unsupported", message: expect.stringContaining("neither Elasticsearch 7.17+ nor OpenSearch (it reports version 7.10.2") });
  });

  it("refuses a server that is neither", async () => {
    const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"name":"solr?"}'));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await expect(detectFlavor(configFor(url), noWait)).rejects.toMatchObject({ kind: "unsupported" });
    } finally {
      server.close();
    }
  });

  it("reports refused credentials without retrying or leaking them", async () => {
    fake = await startFakeElasticsearch({ auth: { username: USER, password: "other" } });
    const error = await detectFlavor(configFor(fake.url), noWait).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "auth", status: 401, message: expect.stringContaining("The cluster refused the credentials") });
    expect((error as Error).message).not.toContain(PASSWORD);
    expect(fake.requests).toHaveLength(1);
  });

  it("explains a TLS failure (https to a server that does not speak TLS)", async () => {
    fake = await startFakeElasticsearch();
    const https = fake.url.replace("http:", "https:");
    await expect(detectFlavor(configFor(https), noWait)).rejects.toMatchObject({ kind: "tls", message: expect.stringContaining("paste its CA certificate") });
    const cluster = createSearchCluster(configFor(https), "elasticsearch", noWait);
    await expect(cluster.info()).rejects.toMatchObject({ kind: "tls" });
    await cluster.close();
  });

  it("retries an unreachable cluster, then reports it as network", async () => {
    fake = await startFakeElasticsearch();
    const url = fake.url;
    await fake.stop();
    fake = undefined;
    const sleeps: number[] = [];
    await expect(detectFlavor(configFor(url), { sleep: async (ms) => void sleeps.push(ms) })).rejects.toMatchObject({ kind: "network", isRetryable: true });
    expect(sleeps).toHaveLength(1);
  });
});

describe("createSearchCluster", () => {
  it("the Elasticsearch client refuses an OpenSearch server (product check)", async () => {
    fake = await startFakeElasticsearch({ flavor: "opensearch" });
    const cluster = createSearchCluster(configFor(fake.url, { auth: { kind: "none" } }), "elasticsearch", noWait);
    await expect(cluster.info()).rejects.toMatchObject({ kind: "unsupported", message: expect.stringContaining("choose the OpenSearch flavour") });
    await cluster.close();
  });

  it("sends an API key as the ApiKey authorization header", async () => {
    fake = await startFakeElasticsearch({ auth: { apiKey: "a2V5LWlkOnNlY3JldA==" } });
    const cluster = createSearchCluster(configFor(fake.url, { auth: { kind: "api_key", apiKey: "a2V5LWlkOnNlY3JldA==" } }), "elasticsearch", noWait);
    expect((await cluster.info()).flavor).toBe("elasticsearch");
    expect(fake.requests[0].headers.authorization).toBe("ApiKey a2V5LWlkOnNlY3JldA==");
    await cluster.close();
  });
});
