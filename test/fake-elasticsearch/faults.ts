import { forbidden, unauthorized } from "@/test/fake-elasticsearch/auth";
import { esError } from "@/test/fake-elasticsearch/es-error";
import type { FakeReply, FakeRequest, FakeState } from "@/test/fake-elasticsearch/fake-types";

type Match = { path?: RegExp | string; method?: string };

/**
 * An injected HTTP fault. With `status`, that answer is sent (a realistic default body per status
 * unless `body` is given); with only `delayMs`, the request is served normally after the delay
 * (client timeouts). `path` is a RegExp or the exact decoded path; `times` defaults to 1.
 */
export type FaultSpec = Match & {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Seconds (number) or an HTTP date (string). */
  retryAfter?: number | string;
  times?: number;
  delayMs?: number;
};

/** Partial shard failures on the next matching search/count/EQL: the first `failed` shards fail. */
export type ShardFaultSpec = Match & { failed: number; reason?: { type: string; reason: string }; times?: number };
export type ShardFault = { failed: number; reason: { type: string; reason: string } };

type Pending<T> = { spec: T; left: number };

export class FaultQueue {
  private http: Pending<FaultSpec>[] = [];
  private shards: Pending<ShardFaultSpec>[] = [];

  failNext(spec: FaultSpec): void {
    this.http.push({ spec, left: spec.times ?? 1 });
  }

  failShards(spec: ShardFaultSpec): void {
    this.shards.push({ spec, left: spec.times ?? 1 });
  }

  clear(): void {
    this.http = [];
    this.shards = [];
  }

  takeHttp(req: FakeRequest): FaultSpec | null {
    return take(this.http, req);
  }

  takeShards(req: FakeRequest): ShardFault | null {
    const spec = take(this.shards, req);
    if (!spec) return null;
    return { failed: spec.failed, reason: spec.reason ?? { type: "no_shard_available_action_exception", reason: "[fake-node-0][127.0.0.1:9300] shard not available (injected)" } };
  }
}

function take<T extends Match>(queue: Pending<T>[], req: FakeRequest): T | null {
  const at = queue.findIndex(({ spec }) => matches(spec, req));
  if (at < 0) return null;
  const entry = queue[at];
  if (--entry.left <= 0) queue.splice(at, 1);
  return entry.spec;
}

function matches(spec: Match, req: FakeRequest): boolean {
  if (spec.method && spec.method.toUpperCase() !== req.method) return false;
  if (spec.path === undefined) return true;
  return typeof spec.path === "string" ? spec.path === req.path : spec.path.test(req.path);
}

export function faultReply(fault: FaultSpec & { status: number }, req: FakeRequest, state: FakeState, action: string): FakeReply {
  const base = fault.body !== undefined ? { status: fault.status, body: fault.body } : defaultReply(fault.status, req, state, action);
  const headers: Record<string, string | string[]> = { ...base.headers, ...fault.headers };
  if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
  return { ...base, headers };
}

function defaultReply(status: number, req: FakeRequest, state: FakeState, action: string): FakeReply {
  const json = (type: string, reason: string) => ({ status, body: esError(status, { type, reason }).body });
  switch (status) {
    case 401:
      return unauthorized(state, req);
    case 403:
      return forbidden(state, action);
    case 429:
      return json("es_rejected_execution_exception", "rejected execution of org.elasticsearch.action.search.FetchSearchPhase on TaskExecutionTimeTrackingEsThreadPoolExecutor[name = fake-node-0/search, queue capacity = 1000, active threads = 13, queued tasks = 1000]");
    case 503:
      return json("cluster_block_exception", "blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];");
    case 502:
    case 504: {
      const title = status === 502 ? "502 Bad Gateway" : "504 Gateway Time-out";
      return { status, body: `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center></body></html>`, headers: { "content-type": "text/html" } };
    }
    case 400:
      return json("illegal_argument_exception", "injected bad request");
    case 404:
      return json("resource_not_found_exception", "injected not found");
    default:
      return json("exception", `injected failure ${status}`);
  }
}
