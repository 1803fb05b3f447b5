import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusEvtxFiles, fileChunks, normaliseValue, pythonTimeToIso, readPythonEvtxXml } from "@/lib/ingest/evtx/evtx-test-helpers";
import type { EvtxRecord } from "@/lib/ingest/evtx/evtx-types";
import { readEvtx } from "@/lib/ingest/evtx/read-evtx";
import { systemText } from "@/lib/ingest/win-event/win-event";

// Record counts from ../shared/data/README.md.
const EXPECTED_COUNTS: Record<string, number> = {
  "mdec-psexec64-local-system": 15, "mdec-psexec-target-security": 30, "mdec-psexec-target-system-7045": 4,
  "mdec-msf-ms17010-psexec-target": 46, "ebs-msf-psexec-target-sysmon": 10, "ebs-psexecprivesc-dwell": 12,
  "ebs-renamed-psexec-service-pipes": 11, "ebs-renamed-psexecsvc-5145": 22, "ebs-remcom-5145-target": 30,
  "omer-benign-sysmon": 358,
};

function isoMicros(iso: string): number {
  const m = /^(.*T\d\d:\d\d:\d\d)\.(\d+)Z$/.exec(iso);
  if (!m) throw new Error(`not an ISO time: ${iso}`);
  return Date.parse(`${m[1]}Z`) * 1000 + Number(m[2].slice(0, 6).padEnd(6, "0"));
}

async function records(path: string): Promise<EvtxRecord[]> {
  const out: EvtxRecord[] = [];
  for await (const item of readEvtx(fileChunks(path))) if (item.kind === "record") out.push(item.record);
  return out;
}

describe("readEvtx on the real corpus", () => {
  const files = corpusEvtxFiles();
  it("finds every corpus file", () => {
    expect(files.map((f) => f.dir).sort()).toEqual(Object.keys(EXPECTED_COUNTS).sort());
  });

  it.each(files)("$dir: record count and every record equal to python-evtx", async ({ dir, evtx, xml }) => {
    const got = await records(evtx);
    const oracle = readPythonEvtxXml(readFileSync(xml, "utf8"));
    expect(got.length).toBe(EXPECTED_COUNTS[dir]);
    expect(got.length).toBe(oracle.length);
    got.forEach((rec, i) => {
      const want = oracle[i];
      const sys = rec.event;
      expect(systemText(sys, "EventID")).toBe(want.eventId);
      expect(String(rec.recordId)).toBe(want.recordId);
      expect(systemText(sys, "EventRecordID")).toBe(want.recordId);
      const created = (sys.System.TimeCreated as { SystemTime: string }).SystemTime;
      // python-evtx goes through a float, so its microseconds can be off by a few.
      const drift = Math.abs(isoMicros(created) - isoMicros(pythonTimeToIso(want.systemTime)));
      expect(drift, `${created} vs ${want.systemTime}`).toBeLessThanOrEqual(4);
      expect(systemText(sys, "Channel")).toBe(want.channel);
      expect(systemText(sys, "Computer")).toBe(want.computer);
      const data = Object.entries(rec.event.EventData ?? {}).map(([k, v]) => [k, normaliseValue(v)]);
      expect(data).toEqual(want.data.map(([k, v]) => [k, normaliseValue(v)]));
    });
  });
});
