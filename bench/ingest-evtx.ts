// EVTX parse throughput: our TypeScript parser vs libevtx's evtxexport (C) and python-evtx's
// evtx_dump.py, over the corpus and a large file built from repeated real chunks.
// Run: npx tsx bench/ingest-evtx.ts [--chunks 400]
import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path, { join } from "node:path";
import { readEvtx } from "@/lib/ingest/evtx/read-evtx";
import { parseEventStream } from "@/lib/ingest/parse-any";

const DATA = path.resolve(import.meta.dirname, "../../shared/data");
const EVTXEXPORT = "/usr/bin/evtxexport";
const EVTX_DUMP = "/usr/bin/evtx_dump.py";
const chunksArg = process.argv.indexOf("--chunks");
const bigChunks = chunksArg > 0 ? Number(process.argv[chunksArg + 1]) : 400;

function corpus(): string[] {
  return readdirSync(DATA).flatMap((dir) => {
    try { return readdirSync(join(DATA, dir)).filter((n) => n.endsWith(".evtx")).map((n) => join(DATA, dir, n)); } catch { return []; }
  });
}

/** Header of the benign Sysmon file + its 9 valid chunks repeated: chunks are self-contained. */
function buildBigFile(chunkCount: number): string {
  const src = readFileSync(join(DATA, "omer-benign-sysmon/sysmon.evtx"));
  const valid = Array.from({ length: 9 }, (_, i) => src.subarray(4096 + i * 65536, 4096 + (i + 1) * 65536));
  const out = Buffer.concat([src.subarray(0, 4096), ...Array.from({ length: chunkCount }, (_, i) => valid[i % valid.length])]);
  const path = join(tmpdir(), `ingest-evtx-bench-${process.pid}-${chunkCount}.evtx`);
  writeFileSync(path, out);
  return path;
}

async function ours(files: string[]): Promise<{ records: number; ms: number }> {
  let records = 0;
  const t = performance.now();
  for (const f of files) for await (const item of readEvtx(createReadStream(f, { highWaterMark: 1 << 16 }))) if (item.kind === "record") records++;
  return { records, ms: performance.now() - t };
}

async function oursToEcs(files: string[]): Promise<{ records: number; ms: number }> {
  let records = 0;
  const t = performance.now();
  for (const f of files) for await (const item of parseEventStream(createReadStream(f, { highWaterMark: 1 << 16 }))) if (item.kind === "event") records++;
  return { records, ms: performance.now() - t };
}

function external(cmd: string, files: string[]): number | null {
  if (!existsSync(cmd)) return null;
  const t = performance.now();
  for (const f of files) {
    const r = spawnSync(cmd, [f], { stdio: ["ignore", "ignore", "ignore"] });
    if (r.status !== 0) throw new Error(`${cmd} failed on ${f}`);
  }
  return performance.now() - t;
}

function row(name: string, records: number, bytes: number, ms: number | null): string {
  if (ms === null) return `${name.padEnd(34)} (not installed)`;
  const rps = Math.round(records / (ms / 1000));
  const mbps = (bytes / 1e6 / (ms / 1000)).toFixed(1);
  return `${name.padEnd(34)} ${String(Math.round(ms)).padStart(7)} ms ${String(rps).padStart(9)} rec/s ${mbps.padStart(7)} MB/s`;
}

async function bench(label: string, files: string[], withPython: boolean): Promise<void> {
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  await ours(files); // warm-up: JIT
  const a = await ours(files);
  const b = await oursToEcs(files);
  console.log(`\n${label}: ${files.length} file(s), ${(bytes / 1e6).toFixed(1)} MB, ${a.records} records`);
  console.log(row("lateral readEvtx (TS)", a.records, bytes, a.ms));
  console.log(row("lateral parseEventStream → ECS", b.records, bytes, b.ms));
  console.log(row("evtxexport (libevtx, C)", a.records, bytes, external(EVTXEXPORT, files)));
  if (withPython) console.log(row("evtx_dump.py (python-evtx)", a.records, bytes, external(EVTX_DUMP, files)));
}

console.log(`node ${process.version}; ${execFileSync("nproc").toString().trim()} cores`);
await bench("Corpus", corpus(), true);
const big = buildBigFile(bigChunks);
try {
  await bench("Big file (repeated real chunks)", [big], process.argv.includes("--python-big"));
} finally {
  rmSync(big, { force: true });
}
