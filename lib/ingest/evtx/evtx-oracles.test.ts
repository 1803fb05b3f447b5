import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusEvtxFiles, eventStrings, fileChunks, normaliseValue, parseEvtxexport, pythonTimeToIso, readPythonEvtxXml } from "@/lib/ingest/evtx/evtx-test-helpers";
import type { EvtxRecord } from "@/lib/ingest/evtx/evtx-types";
import { readEvtx } from "@/lib/ingest/evtx/read-evtx";
import { systemAttr, systemText } from "@/lib/ingest/win-event/win-event";

// Independent implementations installed from Debian (libevtx-utils, python3-evtx); skipped when absent.
const EVTXEXPORT = "/usr/bin/evtxexport";
const EVTX_DUMP = "/usr/bin/evtx_dump.py";

async function records(path: string): Promise<EvtxRecord[]> {
  const out: EvtxRecord[] = [];
  for await (const item of readEvtx(fileChunks(path))) if (item.kind === "record") out.push(item.record);
  return out;
}

describe.skipIf(!existsSync(EVTXEXPORT))("EVTX parser vs libevtx evtxexport", () => {
  it.each(corpusEvtxFiles())("$dir", async ({ evtx }) => {
    const want = parseEvtxexport(execFileSync(EVTXEXPORT, [evtx], { encoding: "utf8", maxBuffer: 64 << 20 }));
    const got = await records(evtx);
    expect(got.length).toBe(want.length);
    got.forEach((rec, i) => {
      const w = want[i];
      expect(rec.recordNumber).toBe(w.number);
      expect(rec.writtenAt).toBe(w.written);
      expect(Number(systemText(rec.event, "EventID"))).toBe(w.eventId);
      expect(systemText(rec.event, "Computer")).toBe(w.computer);
      const source = systemAttr(rec.event, "Provider", "EventSourceName") ?? systemAttr(rec.event, "Provider", "Name");
      expect(source).toBe(w.source);
      const values = eventStrings(rec.event);
      expect(values.map(normaliseValue)).toEqual(w.strings.map(normaliseValue));
    });
  });
});

describe.skipIf(!existsSync(EVTX_DUMP))("EVTX parser vs a fresh python-evtx run", () => {
  const small = corpusEvtxFiles().filter((f) => f.dir.startsWith("mdec-"));
  it.each(small)("$dir", async ({ evtx }) => {
    const want = readPythonEvtxXml(execFileSync(EVTX_DUMP, [evtx], { encoding: "utf8", maxBuffer: 64 << 20 }));
    const got = await records(evtx);
    expect(got.map((r) => String(r.recordId))).toEqual(want.map((w) => w.recordId));
    expect(got.map((r) => (r.event.System.TimeCreated as { SystemTime: string }).SystemTime.slice(0, 19)))
      .toEqual(want.map((w) => pythonTimeToIso(w.systemTime).slice(0, 19)));
  });
});
