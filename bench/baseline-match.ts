// Per-alert cost of matchBaseline against 1 000 compiled entries (target: < 1 ms).
// Run: npx tsx bench/baseline-match.ts
import { performance } from "node:perf_hooks";
import type { AlertFacts } from "@/lib/triage/alert-facts";
import { matchBaseline } from "@/lib/triage/baseline";
import { compileBaseline } from "@/lib/triage/baseline-compile";
import { findBaselineGaps } from "@/lib/triage/baseline-coverage";
import { baselineEntrySchema, type BaselineEntry, type BaselineScope } from "@/lib/triage/baseline-schema";

const ENTRIES = 1000;
const ALERTS = 2000;
const zones = ["Europe/Paris", "America/New_York", "Asia/Kolkata", "UTC"];

function entry(i: number, scope: BaselineScope): BaselineEntry {
  return baselineEntrySchema.parse({ id: `e${i}`, scope, approvedAt: "2026-01-01", expiresAt: i % 7 === 0 ? "2026-02-01" : null, revokedAt: null });
}

// Varied: every entry names its own user and host, like a real approval list.
const varied = Array.from({ length: ENTRIES }, (_, i) =>
  entry(i, {
    users: [i % 2 ? `CORP\\admin${i % 300}` : `admin${i % 300}@corp.local`],
    sourceHosts: [`jump${i % 50}`, `10.${i % 200}.0.0/16`],
    destinations: [`srv${i}.corp.local`, `10.${i % 256}.${i % 100}.0/24`, "2001:db8::/48"],
    executables: ["?:\\Tools\\PsExec*.exe"],
    commandLines: [`*\\\\srv${i}* -s *`],
    timeWindow: { startMinute: (i * 7) % 1440, endMinute: (i * 7 + 600) % 1440 || 1, timeZone: zones[i % zones.length] },
  }),
);
// Adversarial: every entry allows the alert, so each one runs every check and all 1 000 match.
const sameWho = Array.from({ length: ENTRIES }, (_, i) =>
  entry(i, {
    users: ["CORP\\admin1"],
    sourceHosts: ["jump1"],
    destinations: [`srv${i}`, `fd00:${i.toString(16)}::/64`, "10.0.0.0/8", "2001:db8::/32"],
    executables: ["*\\psexec.exe", "?:\\Tools\\*"],
    hashes: [i.toString(16).padStart(64, "0"), "f".repeat(64)],
    commandLines: ["* -accepteula *"],
    timeWindow: { startMinute: 0, endMinute: 1439, timeZone: zones[i % zones.length] },
  }),
);

function alert(i: number, sameWho: boolean): AlertFacts {
  return {
    user: { name: sameWho ? "admin1" : `admin${i % 300}`, domain: "CORP" },
    sourceHost: sameWho ? "jump1.corp.local" : `jump${i % 50}.corp.local`,
    sourceIps: [`10.${i % 200}.1.1`],
    destinations: [{ host: `srv${i % 1200}`, ip: `10.${i % 256}.${i % 100}.7` }, { ip: "2001:db8::9" }],
    unresolvedTargets: [],
    executable: "C:\\Tools\\PsExec.exe",
    hashes: [(i % 1000).toString(16).padStart(64, "0"), "f".repeat(64)],
    commandLine: `C:\\Tools\\PsExec.exe -accepteula \\\\srv${i % 1200} -s cmd /c ipconfig`,
    timestamp: Date.parse("2026-03-02T10:00:00Z") + i * 61_000,
  };
}

function run(label: string, entries: BaselineEntry[], fn: "match" | "gaps", sameWho = false): void {
  const t0 = performance.now();
  const compiled = compileBaseline(entries);
  const compileMs = performance.now() - t0;
  const now = Date.parse("2026-03-02T12:00:00Z");
  const alerts = Array.from({ length: ALERTS }, (_, i) => alert(i, sameWho));
  let hits = 0;
  for (const a of alerts) hits += matchBaseline(a, compiled, now).length + findBaselineGaps(a, compiled, now).gaps.length; // JIT warm-up
  const times: number[] = [];
  hits = 0;
  for (const a of alerts) {
    const start = performance.now();
    hits += fn === "match" ? matchBaseline(a, compiled, now).length : findBaselineGaps(a, compiled, now).gaps.length;
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  console.log(
    `${label.padEnd(34)} entries=${ENTRIES} alerts=${ALERTS} compile=${compileMs.toFixed(1)}ms ` +
      `mean=${(mean * 1000).toFixed(1)}µs p50=${(pct(0.5) * 1000).toFixed(1)}µs p99=${(pct(0.99) * 1000).toFixed(1)}µs ` +
      `max=${(times[times.length - 1] * 1000).toFixed(1)}µs results=${hits}`,
  );
}

run("matchBaseline varied", varied, "match");
run("matchBaseline same user+source", sameWho, "match", true);
run("findBaselineGaps varied", varied, "gaps");
