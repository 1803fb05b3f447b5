import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { EsHttpError } from "@/test/fake-elasticsearch/es-error";
import type { FakeAuth, FakeFlavor, FakeState } from "@/test/fake-elasticsearch/fake-types";
import { FaultQueue, type FaultSpec, type ShardFaultSpec } from "@/test/fake-elasticsearch/faults";
import { serve, type LoggedRequest } from "@/test/fake-elasticsearch/handle-request";
import { IndexStore } from "@/test/fake-elasticsearch/index-store";
import { PitRegistry } from "@/test/fake-elasticsearch/pits";

export type { FakeAuth, FakeFlavor } from "@/test/fake-elasticsearch/fake-types";
export type { FaultSpec, ShardFaultSpec } from "@/test/fake-elasticsearch/faults";

export type FakeOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  flavor?: FakeFlavor;
  /** Defaults: 8.19.2 (Elasticsearch), 2.19.1 (OpenSearch). Version-gated behaviour follows it. */
  version?: string;
  clusterName?: string;
  /** Credentials the cluster accepts; omitted/null = security off. */
  auth?: FakeAuth | null;
  shardsPerIndex?: number;
  clockOffsetMs?: number;
  maxResultWindow?: number;
};

export type { LoggedRequest } from "@/test/fake-elasticsearch/handle-request";
export type AddResult = { indexed: string[]; rejected: { _id: string | undefined; reason: string }[] };

export type FakeElasticsearch = {
  url: string;
  port: number;
  /** Every request received, in order (status filled once answered). */
  requests: LoggedRequest[];
  /** Indexes documents as stored (`_id` taken out of the document when present); mapping conflicts are rejected, as a cluster would. */
  addDocuments(index: string, docs: Record<string, unknown>[]): AddResult;
  createIndex(name: string, options?: { shards?: number }): void;
  failNext(fault: FaultSpec): void;
  failShards(fault: ShardFaultSpec): void;
  clearFaults(): void;
  setAuth(auth: FakeAuth | null): void;
  setFlavor(flavor: FakeFlavor, version?: string): void;
  setClockOffset(ms: number): void;
  /** Every open point in time expires now (the next search on it answers 404). */
  expirePointInTimes(): void;
  openPointInTimeCount(): number;
  /** Drops documents, PITs, faults and the request log. */
  reset(): void;
  stop(): Promise<void>;
};

const DEFAULT_VERSION: Record<FakeFlavor, string> = { elasticsearch: "8.19.2", opensearch: "2.19.1" };

/** A local Elasticsearch/OpenSearch lookalike for tests (HTTP only; no TLS). */
export async function startFakeElasticsearch(options: FakeOptions = {}): Promise<FakeElasticsearch> {
  const flavor = options.flavor ?? "elasticsearch";
  const state: FakeState = {
    flavor,
    version: options.version ?? DEFAULT_VERSION[flavor],
    clusterName: options.clusterName ?? "fake-cluster",
    clusterUuid: randomBytes(16).toString("base64url").slice(0, 22),
    nodeName: "fake-node-0",
    clockOffsetMs: options.clockOffsetMs ?? 0,
    maxResultWindow: options.maxResultWindow ?? 10_000,
    auth: options.auth ?? null,
    store: new IndexStore(options.shardsPerIndex ?? 1),
    pits: new PitRegistry(),
    faults: new FaultQueue(),
    now: () => Date.now() + state.clockOffsetMs,
  };
  const requests: LoggedRequest[] = [];
  const delays = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => void serve(req, res, state, requests, delays));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    addDocuments: (index, docs) => addDocuments(state, index, docs),
    createIndex: (name, { shards } = {}) => void state.store.createIndex(name, shards),
    failNext: (fault) => state.faults.failNext(fault),
    failShards: (fault) => state.faults.failShards(fault),
    clearFaults: () => state.faults.clear(),
    setAuth: (auth) => void (state.auth = auth),
    setFlavor: (next, version) => void Object.assign(state, { flavor: next, version: version ?? DEFAULT_VERSION[next] }),
    setClockOffset: (ms) => void (state.clockOffsetMs = ms),
    expirePointInTimes: () => state.pits.expireAll(),
    openPointInTimeCount: () => state.pits.openCount,
    reset: () => {
      state.store.clear();
      state.pits.clear();
      state.faults.clear();
      requests.length = 0;
    },
    stop: async () => {
      delays.forEach(clearTimeout);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function addDocuments(state: FakeState, index: string, docs: Record<string, unknown>[]): AddResult {
  state.store.createIndex(index);
  const result: AddResult = { indexed: [], rejected: [] };
  for (const { _id, ...source } of docs) {
    const id = _id === undefined || _id === null ? undefined : String(_id);
    try {
      result.indexed.push(state.store.put(index, id, source).doc._id);
    } catch (error) {
      if (!(error instanceof EsHttpError)) throw error;
      result.rejected.push({ _id: id, reason: (error.body as { error: { reason: string } }).error.reason });
    }
  }
  return result;
}
