import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { getField } from "@/lib/ecs/event";
import { bytesOf, corpusEvtxFiles, DATA_DIR, fileChunks } from "@/lib/ingest/evtx/evtx-test-helpers";
import { parseEventBatches, parseEventStream, type IngestItem } from "@/lib/ingest/parse-any";

async function collect(source: AsyncIterable<Uint8Array>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of parseEventStream(source)) out.push(item);
  return out;
}
const events = (items: IngestItem[]) => items.filter((i) => i.kind === "event");
const rejected = (items: IngestItem[]) => items.filter((i) => i.kind === "rejected");

// Event counts from ../shared/data/README.md.
const README_COUNTS: Record<string, number> = {
  "mdec-psexec64-local-system": 15, "mdec-psexec-target-security": 30, "mdec-psexec-target-system-7045": 4,
  "mdec-msf-ms17010-psexec-target": 46, "ebs-msf-psexec-target-sysmon": 10, "ebs-psexecprivesc-dwell": 12,
  "ebs-renamed-psexec-service-pipes": 11, "ebs-renamed-psexecsvc-5145": 22, "ebs-remcom-5145-target": 30,
  "omer-benign-sysmon": 358,
};
const OTRF = [
  ["otrf-cmd-psexec-lsa-secrets/cmd_psexec_lsa_secrets_dump_2020-10-1903305471.json", 286],
  ["otrf-empire-invoke-psexec/empire_psexec_dcerpc_tcp_svcctl_2020-09-20121608.json", 4348],
] as const;

describe("parseEventStream on the real corpus", () => {
  it.each(corpusEvtxFiles())("$dir (EVTX) → README count, all mapped to ECS", async ({ dir, evtx }) => {
    const items = await collect(fileChunks(evtx, 65536));
    expect(items[0]).toEqual({ kind: "format", format: "evtx" });
    const evs = events(items);
    expect(evs.length).toBe(README_COUNTS[dir]);
    for (const e of evs) {
      if (e.kind !== "event") continue;
      expect(getField(e.event, "host.os.type")).toBe("windows");
      expect(getField(e.event, "winlog.record_id")).toBe(String(e.position.record));
      expect(getField(e.event, "@timestamp")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  it.each(OTRF)("%s (NXLog JSON lines) → %i events, none rejected", async (path, count) => {
    const items = await collect(fileChunks(join(DATA_DIR, path), 65536));
    expect(items[0]).toEqual({ kind: "format", format: "json" });
    expect(rejected(items)).toEqual([]);
    expect(events(items).length).toBe(count);
  });

  it("NXLog: the real PsExec start maps to the rule's fields; non-Sysmon local time is shifted to UTC", async () => {
    const [path] = OTRF[0];
    const evs = events(await collect(fileChunks(join(DATA_DIR, path)))).map((e) => (e.kind === "event" ? e.event : {}));
    // ground_truth.json: ProcessGuid {39e4a257-40a6-5f8d-a005-000000000700}, PsExec.exe with -accepteula.
    const start = evs.find((e) => getField(e, "process.entity_id") === "{39e4a257-40a6-5f8d-a005-000000000700}" && getField(e, "event.code") === "1");
    expect(start).toBeDefined();
    expect(getField(start, "process.name")).toBe("PsExec.exe");
    expect(getField(start, "process.args")).toEqual(["PsExec.exe", "-accepteula", "-s", "reg", "save", "HKLM\\security\\policy\\secrets", "C:\\Users\\wardog\\AppData\\Local\\Temp\\secrets"]);
    expect(getField(start, "event.type")).toEqual(["start"]);
    // The matching Security 4688 was logged at local 03:30:46.251; the README says local is UTC−4.
    const sec = evs.find((e) => getField(e, "event.code") === "4688" && getField(e, "process.name") === "PsExec.exe");
    expect(getField(sec, "@timestamp")).toBe("2020-10-19T07:30:46.251Z");
  });

  it("ATC markdown sample (Event Viewer XML) → the documented EID 3 fields", async () => {
    const md = readFileSync(join(DATA_DIR, "atc-psexec-eid3-single-event/DN_0007_3_windows_sysmon_network_connection.md"), "utf8");
    const xml = /```\n([\s\S]*?)```/.exec(md)![1].replace(/^\s*- /gm, "");
    const evs = events(await collect(bytesOf(Buffer.from(xml))));
    expect(evs).toHaveLength(1);
    const e = evs[0].kind === "event" ? evs[0].event : {};
    expect(getField(e, "process.name")).toBe("PsExec.exe");
    expect(getField(e, "process.entity_id")).toBe("{A96EFBF1-A8C9-5C59-0000-0010D274D300}");
    expect(getField(e, "event.category")).toEqual(["network"]);
    expect(getField(e, "destination.port")).toBe(135);
  });

  it("gzip container: same events as the plain file", async () => {
    const { evtx } = corpusEvtxFiles().find((f) => f.dir === "mdec-psexec-target-security")!;
    const items = await collect(bytesOf(gzipSync(readFileSync(evtx))));
    expect(items[0]).toEqual({ kind: "format", format: "evtx", container: "gzip" });
    expect(events(items)).toHaveLength(30);
  });

  it("truncated gzip: events before the cut come out, then one rejection", async () => {
    const { evtx } = corpusEvtxFiles().find((f) => f.dir === "omer-benign-sysmon")!;
    const gz = gzipSync(readFileSync(evtx));
    const items = await collect(bytesOf(gz.subarray(0, Math.floor(gz.length / 5))));
    expect(events(items).length).toBeGreaterThan(0);
    expect(events(items).length).toBeLessThan(358);
    expect(rejected(items).some((r) => r.kind === "rejected" && r.reason.startsWith("gzip"))).toBe(true);
  });

  it("zip is recognised and handed back to the caller", async () => {
    const items = await collect(fileChunks(join(DATA_DIR, "otrf-cmd-psexec-lsa-secrets/cmd_psexec_lsa_secrets_dump.zip")));
    expect(items[0]).toEqual({ kind: "format", format: "zip" });
    expect(rejected(items)).toHaveLength(1);
  });

  it("binary garbage → unknown, one rejection, no events", async () => {
    const items = await collect(bytesOf(Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)));
    expect(items[0]).toEqual({ kind: "format", format: "unknown" });
    expect(events(items)).toEqual([]);
    expect(rejected(items)).toHaveLength(1);
  });
});

describe("parseEventStream on damaged EVTX", () => {
  const { evtx } = corpusEvtxFiles().find((f) => f.dir === "omer-benign-sysmon")!;
  const bytes = readFileSync(evtx);
  const fullIds = async () => (events(await collect(bytesOf(bytes))) as Extract<IngestItem, { kind: "event" }>[]).map((e) => e.position.record);

  it.each([4096 + 65536 * 3, 4096 + 65536 * 3 + 30000, 4096 + 100, 2000, 9])("cut at byte %i: no crash, a prefix of the records", async (cut) => {
    const all = await fullIds();
    const items = await collect(bytesOf(bytes.subarray(0, cut)));
    const ids = (events(items) as Extract<IngestItem, { kind: "event" }>[]).map((e) => e.position.record);
    expect(ids).toEqual(all.slice(0, ids.length));
    if (cut < 4096 + 65536 * 3 + 30000) expect(ids.length).toBeLessThan(all.length);
  });

  it("a corrupted chunk is skipped and reported; the other chunks still parse", async () => {
    const damaged = Buffer.from(bytes);
    const chunk = 2;
    const start = 4096 + chunk * 65536;
    for (let i = 2000; i < 2100; i++) damaged[start + i] ^= 0xff;
    const items = await collect(bytesOf(damaged));
    const reasons = rejected(items).filter((r) => r.kind === "rejected" && r.position.chunk === chunk);
    expect(reasons.length).toBe(1);
    const all = await fullIds();
    const lost = new Set(all).size - new Set((events(items) as Extract<IngestItem, { kind: "event" }>[]).map((e) => e.position.record)).size;
    // Chunk 2 of this file holds records 0x52..0x78 (first/last record numbers in its header): 39 records.
    expect(lost).toBe(0x78 - 0x52 + 1);
  });

  it("a corrupted chunk header is skipped too", async () => {
    const damaged = Buffer.from(bytes);
    damaged[4096 + 65536 + 20] ^= 0x01;
    const items = await collect(bytesOf(damaged));
    expect(rejected(items).some((r) => r.kind === "rejected" && r.position.chunk === 1 && /header checksum/.test(r.reason))).toBe(true);
    expect(events(items).length).toBe(358 - (0x51 - 0x2a + 1));
  });
});

describe("parseEventBatches on NDJSON", () => {
  const lines = [
    '{"@timestamp":"2026-01-05T08:00:00.000Z","event":{"category":["process"],"code":"1"},"host":{"name":"ws1"}}',
    "",
    "{broken",
    '{"event.code":"3","@timestamp":"2026-01-05T08:00:01.000Z","process":{"entity_id":"{p-é}"}}',
    "[1,2]",
    '{"hello":"world"}',
  ];
  const text = `\uFEFF${lines.join("\r\n")}\r\n`;
  async function batchesOf(size: number): Promise<IngestItem[][]> {
    const bytes = new TextEncoder().encode(text);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
    }
    const out: IngestItem[][] = [];
    for await (const batch of parseEventBatches(chunks())) out.push(batch);
    return out;
  }

  it.each([1, 7, 64, 100_000])("chunks of %i bytes: format first, then events and rejections by line, no empty batch", async (size) => {
    const batches = await batchesOf(size);
    expect(batches[0]).toEqual([{ kind: "format", format: "json" }]);
    expect(batches.every((batch) => batch.length > 0)).toBe(true);
    const items = batches.slice(1).flat().map((item) => (item.kind === "event" ? { ...item, event: JSON.parse(JSON.stringify(item.event)) } : item));
    expect(items).toEqual([
      { kind: "event", event: JSON.parse(lines[0]), position: { record: 0, line: 1 }, source: lines[0] },
      expect.objectContaining({ kind: "rejected", position: { record: 1, line: 3 } }),
      // Dotted keys are expanded; the source is still the line's own text.
      { kind: "event", event: { event: { code: "3" }, "@timestamp": "2026-01-05T08:00:01.000Z", process: { entity_id: "{p-é}" } }, position: { record: 2, line: 4 }, source: lines[3] },
      { kind: "rejected", reason: "not a JSON object", position: { record: 3, line: 5 } },
      { kind: "rejected", reason: "unrecognised JSON record: not ECS, Winlogbeat or NXLog-style", position: { record: 4, line: 6 } },
    ]);
    expect((items[1] as { reason: string }).reason).toMatch(/^invalid JSON: /);
  });
});
