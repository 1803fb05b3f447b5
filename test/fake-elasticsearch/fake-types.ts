import type { IncomingHttpHeaders } from "node:http";
import type { IndexStore } from "@/test/fake-elasticsearch/index-store";
import type { PitRegistry } from "@/test/fake-elasticsearch/pits";
import type { FaultQueue } from "@/test/fake-elasticsearch/faults";

export type FakeFlavor = "elasticsearch" | "opensearch";

/** Accepted credentials; a request passes if it presents any of them. null = security disabled. */
export type FakeAuth = { username?: string; password?: string; apiKey?: string };

export type FakeRequest = {
  method: string;
  /** Decoded path, e.g. `/winlogbeat-*,logs-*\/_search`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text for NDJSON. */
  body: unknown;
  text: string;
};

export type FakeReply = { status: number; body?: unknown; headers?: Record<string, string | string[]> };

export type FakeState = {
  flavor: FakeFlavor;
  version: string;
  clusterName: string;
  clusterUuid: string;
  nodeName: string;
  clockOffsetMs: number;
  maxResultWindow: number;
  auth: FakeAuth | null;
  store: IndexStore;
  pits: PitRegistry;
  faults: FaultQueue;
  /** The cluster's clock: real time plus the injected offset. */
  now(): number;
};

export type Handler = (req: FakeRequest, state: FakeState, params: (string | undefined)[]) => FakeReply | Promise<FakeReply>;
