// Benchmark: parse-only baseline vs the full `lateral detect` CLI on the same generated file.
// Usage: npx tsx bench/detect.ts [millions...]   (default: 1 5)
import { Buffer } from "node:buffer";
import { spawn } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateEvents } from "./generate-events";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OUT = `${ROOT}bench/out`;

/** Baseline (a): stream the file, cut at the last newline, decode, split, JSON.parse each line — the floor any detector pays. */
async function parseOnly(path: string): Promise<{ events: number; seconds: number }> {
  const t0 = performance.now();
  let carry = Buffer.alloc(0);
  let events = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 18 })) {
    const data = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const last = data.lastIndexOf(10);
    const text = data.toString("utf8", 0, Math.max(last, 0));
    carry = Buffer.from(data.subarray(last + 1));
    let from = 0;
    for (let nl = text.indexOf("\n"); from < text.length; nl = text.indexOf("\n", from)) {
      const end = nl === -1 ? text.length : nl;
      if (end > from) {
        JSON.parse(text.slice(from, end));
        events++;
      }
      from = end + 1;
    }
  }
  return { events, seconds: (performance.now() - t0) / 1000 };
}

/** (b): the real CLI as a child process; peak RSS read from /proc/<pid>/status (VmHWM). */
function detectCli(path: string): Promise<{ seconds: number; peakRssMb: number; alerts: number; summary: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [`${ROOT}bin/lateral.mjs`, "detect", path], { stdio: ["ignore", "pipe", "pipe"] });
    let peak = 0;
    let stdout = "";
    let stderr = "";
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peak = Math.max(peak, Number(m[1]));
      } catch {
        // process already gone
      }
    }, 50);
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`detect exited ${code}: ${stderr}`));
      else resolve({ seconds: (performance.now() - t0) / 1000, peakRssMb: peak / 1024, alerts: stdout.split("\n").filter(Boolean).length, summary: stderr.trim() });
    });
  });
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const sizes = process.argv.slice(2).map(Number);
  for (const millions of sizes.length ? sizes : [1, 5]) {
    const count = Math.round(millions * 1_000_000);
    const file = `${OUT}/sysmon-ecs-${millions}m.ndjson`;
    const planted = existsSync(file) ? Math.floor(count / 50_000) : await generateEvents(file, count);
    const mb = statSync(file).size / 1e6;
    // The machines are shared; alternate runs and keep the best of each to damp noise from other load.
    const repeat = count <= 1_000_000 ? 2 : 1;
    let a = await parseOnly(file);
    let b = await detectCli(file);
    for (let r = 1; r < repeat; r++) {
      const a2 = await parseOnly(file);
      const b2 = await detectCli(file);
      if (a2.seconds < a.seconds) a = a2;
      if (b2.seconds < b.seconds) b = { ...b2, peakRssMb: Math.max(b.peakRssMb, b2.peakRssMb) };
    }
    const eps = (n: number, s: number) => `${Math.round(n / s).toLocaleString("en-US")} events/s`;
    console.log(`\n${count.toLocaleString("en-US")} events, ${mb.toFixed(0)} MB, ${planted} planted PsExec sequences`);
    console.log(`  (a) read + JSON.parse only : ${a.seconds.toFixed(2)} s, ${eps(a.events, a.seconds)}`);
    console.log(`  (b) lateral detect (CLI)   : ${b.seconds.toFixed(2)} s, ${eps(count, b.seconds)}, peak RSS ${b.peakRssMb.toFixed(0)} MB, ${b.alerts} alerts`);
    console.log(`  ratio b/a = ${(b.seconds / a.seconds).toFixed(2)} (target ≤ 1.5); peak RSS target < 200 MB`);
    console.log(`  ${b.summary.split("\n")[0]}`);
  }
}

await main();
