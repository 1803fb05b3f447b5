import { createWriteStream } from "node:fs";
import { once } from "node:events";

/** Deterministic PRNG (mulberry32) so every run writes the same file. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IMAGES = ["C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\explorer.exe", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "C:\\Windows\\System32\\cmd.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE"];
const HOSTS = Array.from({ length: 200 }, (_, i) => `WS-${String(i).padStart(4, "0")}`);

/**
 * Writes Sysmon-shaped ECS NDJSON: ~50% process starts, ~30% network, ~20% DNS, and one synthetic
 * PsExec sequence (EID 1 with -accepteula, then EID 3 of the same GUID) every `psexecEvery` events.
 * Returns how many PsExec sequences were planted (the expected alert count).
 */
export async function generateEvents(path: string, count: number, psexecEvery = 50_000): Promise<number> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const rand = rng(42);
  const start = Date.parse("2026-01-05T08:00:00Z");
  let planted = 0;
  let batch: string[] = [];
  for (let i = 0; i < count; i++) {
    const ts = new Date(start + i * 3).toISOString();
    const host = HOSTS[Math.floor(rand() * HOSTS.length)];
    const guid = `{${(i % 65536).toString(16).padStart(8, "0")}-6a3f-5f8d-${(i >>> 16).toString(16).padStart(4, "0")}-0000000007${String(i % 100).padStart(2, "0")}}`;
    let event: object;
    if (i % psexecEvery === psexecEvery - 2) {
      planted++;
      event = process1(ts, host, guid, "C:\\Tools\\PsExec.exe", ["C:\\Tools\\PsExec.exe", "-accepteula", "\\\\srv01", "-s", "cmd.exe"]);
    } else if (i % psexecEvery === psexecEvery - 1) {
      event = network3(ts, host, `{${((i - 1) % 65536).toString(16).padStart(8, "0")}-6a3f-5f8d-${((i - 1) >>> 16).toString(16).padStart(4, "0")}-0000000007${String((i - 1) % 100).padStart(2, "0")}}`, "C:\\Tools\\PsExec.exe", "10.0.0.5", 445);
    } else {
      const r = rand();
      const image = IMAGES[Math.floor(rand() * IMAGES.length)];
      if (r < 0.5) event = process1(ts, host, guid, image, [image, "--type=renderer", `--id=${i}`]);
      else if (r < 0.8) event = network3(ts, host, guid, image, `10.${i % 255}.${(i >> 8) % 255}.7`, 443);
      else event = dns22(ts, host, guid, image, `host${i % 997}.example.com`);
    }
    batch.push(JSON.stringify(event));
    if (batch.length === 2000) {
      if (!out.write(`${batch.join("\n")}\n`)) await once(out, "drain");
      batch = [];
    }
  }
  out.write(batch.length ? `${batch.join("\n")}\n` : "");
  out.end();
  await once(out, "finish");
  return planted;
}

const base = (ts: string, host: string, code: string, category: string, type: string[]) => ({
  "@timestamp": ts,
  agent: { type: "winlogbeat", version: "8.12.0" },
  ecs: { version: "8.0.0" },
  event: { category: [category], type, code, kind: "event", provider: "Microsoft-Windows-Sysmon", module: "sysmon" },
  host: { name: host, hostname: host, os: { type: "windows", family: "windows", platform: "windows", version: "10.0" } },
  winlog: { channel: "Microsoft-Windows-Sysmon/Operational", event_id: Number(code), computer_name: `${host}.corp.local`, record_id: 1 },
  user: { domain: "CORP", name: "alice" },
});
const name = (image: string) => image.slice(image.lastIndexOf("\\") + 1);

function process1(ts: string, host: string, guid: string, image: string, args: string[]) {
  return {
    ...base(ts, host, "1", "process", ["start"]),
    process: {
      entity_id: guid, pid: 4242, executable: image, name: name(image), args, args_count: args.length,
      command_line: args.join(" "), working_directory: "C:\\Users\\alice\\",
      pe: { original_file_name: name(image) },
      hash: { sha256: "0f".repeat(32) },
      parent: { entity_id: "{00000000-0000-0000-0000-000000000001}", pid: 1000, executable: "C:\\Windows\\explorer.exe", name: "explorer.exe" },
    },
  };
}

function network3(ts: string, host: string, guid: string, image: string, ip: string, port: number) {
  return {
    ...base(ts, host, "3", "network", ["start", "connection", "protocol"]),
    process: { entity_id: guid, pid: 4242, executable: image, name: name(image) },
    source: { ip: "10.1.1.10", port: 50000 },
    destination: { ip, port },
    network: { transport: "tcp", direction: "egress", type: "ipv4" },
  };
}

function dns22(ts: string, host: string, guid: string, image: string, domain: string) {
  return {
    ...base(ts, host, "22", "network", ["connection", "protocol", "info"]),
    process: { entity_id: guid, pid: 4242, executable: image, name: name(image) },
    dns: { question: { name: domain }, resolved_ip: ["10.9.9.9"] },
  };
}
