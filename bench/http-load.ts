// One autocannon run against a list of paths (rotated per request), with p50/p95/p99 computed from every
// response time: autocannon's own histogram has no p95, and the issue's target is a p95.
import { loadavg } from "node:os";
import autocannon from "autocannon";

export type LoadResult = { name: string; path: string; requests: number; rps: number; p50: number; p95: number; p99: number; max: number; non2xx: number; errors: number; statuses: Record<string, number>; loadAverage: number[] };

export async function runLoad(input: { name: string; baseUrl: string; paths: string[]; token: string; connections?: number; seconds?: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const loadAverage = loadavg();
  let next = 0;
  const instance = autocannon({
    url: input.baseUrl,
    connections: input.connections ?? 10,
    duration: input.seconds ?? 10,
    timeout: 30,
    // As a browser asks (TanStack Query's fetch): the server compresses, and that CPU is part of the cost.
    headers: { authorization: `Bearer ${input.token}`, accept: "application/json", "accept-encoding": "gzip, deflate, br" },
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: input.paths[next++ % input.paths.length] }) }],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const pick = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))] ?? NaN;
  return {
    name: input.name,
    path: input.paths.length > 1 ? `${input.paths[0]} (+${input.paths.length - 1} more)` : input.paths[0],
    requests: latencies.length,
    rps: latencies.length / (result.duration || input.seconds || 10),
    p50: pick(0.5),
    p95: pick(0.95),
    p99: pick(0.99),
    max: latencies.at(-1) ?? NaN,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses,
    loadAverage,
  };
}

/** Requests each path once and throws with the body of the first non-2xx answer, so a broken scenario is not timed. */
export async function probe(baseUrl: string, paths: string[], token: string): Promise<void> {
  for (const path of paths.slice(0, 20)) {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.text();
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${body.slice(0, 500)}`);
  }
}

export function formatTable(rows: LoadResult[], targetMs: number): string {
  const head = `${"scenario".padEnd(44)} ${"req/s".padStart(7)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"non2xx".padStart(7)}  target`;
  const lines = rows.map((r) =>
    `${r.name.padEnd(44)} ${r.rps.toFixed(1).padStart(7)} ${r.p50.toFixed(0).padStart(7)} ${r.p95.toFixed(0).padStart(7)} ${r.p99.toFixed(0).padStart(7)} ${String(r.non2xx + r.errors).padStart(7)}  ${r.p95 < targetMs && r.non2xx + r.errors === 0 ? "ok" : `MISSED (p95 ≥ ${targetMs} ms or errors)`}`,
  );
  return [head, ...lines].join("\n");
}
