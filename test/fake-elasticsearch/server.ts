import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate } from "@/test/fake-elasticsearch/auth";
import { badRequest, EsHttpError } from "@/test/fake-elasticsearch/es-error";
import type { FakeAuth, FakeFlavor, FakeReply, FakeRequest, FakeState } from "@/test/fake-elasticsearch/fake-types";
import { FaultQueue, faultReply, type FaultSpec, type ShardFaultSpec } from "@/test/fake-elasticsearch/faults";
import { IndexStore } from "@/test/fake-elasticsearch/index-store";
import { checkMediaType, responseContentType } from "@/test/fake-elasticsearch/media-type";
import { PitRegistry } from "@/test/fake-elasticsearch/pits";
import { findRoute } from "@/test/fake-elasticsearch/routes";

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

export type LoggedRequest = { method: string; path: string; query: Record<string, string>; headers: FakeRequest["headers"]; body: unknown; status: number };
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

async function serve(req: IncomingMessage, res: ServerResponse, state: FakeState, log: LoggedRequest[], delays: Set<NodeJS.Timeout>): Promise<void> {
  const url = new URL(req.url ?? "/", "http://fake");
  const path = url.pathname.split("/").map(safeDecode).join("/");
  const text = await readText(req);
  const request: FakeRequest = { method: req.method ?? "GET", path, query: Object.fromEntries(url.searchParams), headers: req.headers, body: undefined, text };
  const entry: LoggedRequest = { method: request.method, path, query: request.query, headers: req.headers, body: undefined, status: 0 };
  log.push(entry);
  let reply: FakeReply;
  try {
    reply = await answer(request, state, entry, delays);
  } catch (error) {
    reply = error instanceof EsHttpError ? { status: error.status, body: error.body, headers: error.headers } : { status: 500, body: { error: { root_cause: [], type: "fake_internal_error", reason: String(error) }, status: 500 } };
  }
  entry.status = reply.status;
  if (!res.destroyed) write(res, request, reply, state);
}

async function answer(request: FakeRequest, state: FakeState, entry: LoggedRequest, delays: Set<NodeJS.Timeout>): Promise<FakeReply> {
  const match = findRoute(request.method, request.path, state.flavor);
  const action = match.route?.action ?? "unknown";
  const fault = state.faults.takeHttp(request);
  if (fault?.delayMs) await new Promise<void>((resolve) => delays.add(setTimeout(resolve, fault.delayMs)));
  if (fault?.status !== undefined) return faultReply({ ...fault, status: fault.status }, request, state, action);
  checkMediaType(request.headers, request.text !== "", state.flavor, state.version);
  request.body = parseBody(request);
  entry.body = request.body;
  const who = authenticate(request, state);
  if ("reply" in who) return who.reply;
  if (!match.route) {
    const error = match.allowed.length > 0 ? `Incorrect HTTP method for uri [${request.path}] and method [${request.method}], allowed: [${match.allowed.join(", ")}]` : `no handler found for uri [${request.path}] and method [${request.method}]`;
    return { status: match.allowed.length > 0 ? 405 : 400, body: { error, status: match.allowed.length > 0 ? 405 : 400 } };
  }
  return match.route.handler(request, state, match.params);
}

function parseBody(request: FakeRequest): unknown {
  if (request.text === "") return undefined;
  if (/ndjson/.test(String(request.headers["content-type"]))) return request.text;
  try {
    return JSON.parse(request.text);
  } catch (error) {
    throw badRequest("x_content_parse_exception", `[1:1] ${(error as Error).message}`);
  }
}

function write(res: ServerResponse, request: FakeRequest, reply: FakeReply, state: FakeState): void {
  const isText = typeof reply.body === "string";
  const payload = reply.body === undefined ? "" : isText ? (reply.body as string) : JSON.stringify(reply.body);
  const headers: Record<string, string | string[]> = {
    date: new Date(state.now()).toUTCString(),
    "content-type": isText ? "text/plain; charset=UTF-8" : responseContentType(request.headers, state.flavor),
    ...(state.flavor === "elasticsearch" ? { "x-elastic-product": "Elasticsearch" } : {}),
    ...reply.headers,
    "content-length": String(Buffer.byteLength(payload)),
  };
  res.writeHead(reply.status, headers);
  res.end(request.method === "HEAD" ? undefined : payload);
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
