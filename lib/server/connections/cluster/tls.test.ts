import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSearchCluster, detectFlavor } from "@/lib/server/connections/cluster/create-search-cluster";
import type { ClusterConfig } from "@/lib/server/connections/cluster/search-cluster";
import { startFakeElasticsearch, type FakeElasticsearch } from "@/test/fake-elasticsearch/server";

// Real TLS in front of the fake: a throwaway CA (openssl) signs the server certificate for 127.0.0.1,
// and an HTTPS server forwards every request to the fake's plain-HTTP port.
let dir: string;
let fake: FakeElasticsearch;
let front: Server;
let url: string;
let caPem: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "lateral-tls-"));
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=Lateral test CA");
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
  writeFileSync(path.join(dir, "san.ext"), "subjectAltName=IP:127.0.0.1\n");
  openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "1", "-extfile", "san.ext");
  caPem = readFileSync(path.join(dir, "ca.pem"), "utf8");
  fake = await startFakeElasticsearch();
  fake.addDocuments("logs-x", [{ "@timestamp": "2026-11-20T08:00:00Z", event: { category: ["process"] } }]);
  front = createServer({ key: readFileSync(path.join(dir, "server.key")), cert: readFileSync(path.join(dir, "server.pem")) }, (req, res) => {
    const upstream = httpRequest({ host: "127.0.0.1", port: fake.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(front.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => front?.close(resolve));
  await fake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const config = (extra: Partial<ClusterConfig>): ClusterConfig => ({ urls: [url], auth: { kind: "none" }, verifyTls: true, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, ...extra });

describe("TLS", () => {
  it("refuses a certificate it cannot verify, with a hint, by default", async () => {
    await expect(detectFlavor(config({}))).rejects.toMatchObject({ kind: "tls" });
  });

  it("trusts the custom CA given as PEM, for flavour detection and for the client", async () => {
    const withCa = config({ caCert: caPem });
    expect(await detectFlavor(withCa)).toBe("elasticsearch");
    const cluster = createSearchCluster(withCa, "elasticsearch");
    try {
      expect((await cluster.countDocuments(["logs-*"]))[0]).toMatchObject({ documents: 1 });
    } finally {
      await cluster.close();
    }
  });

  it("connects without verification only when verification is turned off", async () => {
    expect(await detectFlavor(config({ verifyTls: false }))).toBe("elasticsearch");
  });
});
