// The slice of autocannon's programmatic API the benchmarks use (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  type RequestSpec = { method?: string; path?: string; headers?: Record<string, string>; setupRequest?: (request: RequestSpec) => RequestSpec };
  type Options = { url: string; connections?: number; duration?: number; headers?: Record<string, string>; requests?: RequestSpec[]; timeout?: number };
  type Histogram = { average: number; p50: number; p90: number; p97_5: number; p99: number; max: number };
  export type Result = { requests: Histogram & { total: number }; latency: Histogram; non2xx: number; errors: number; timeouts: number; duration: number };
  type Instance = EventEmitter & PromiseLike<Result> & { stop(): void };

  function autocannon(options: Options): Instance;
  export default autocannon;
}
