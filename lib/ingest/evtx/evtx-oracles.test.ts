import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusEvtxFiles, fileChunks, normaliseValue, pythonTimeToIso, readPythonEvtxXml } from "@/lib/ingest/evtx/evtx-test-helpers";
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

type ExportRecord = { number: number; written: string; eventId: number; computer: string; source: string; strings: string[] };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Parses `evtxexport` text output (libevtx). Multi-line strings run until the next "String:" line. */
function parseEvtxexport(text: string): ExportRecord[] {
  return text.split(/\n(?=Event number\t)/).slice(1).map((block) => {
    const field = (name: string) => new RegExp(`^${name}\\t+: (.*)$`, "m").exec(block)?.[1] ?? "";
    const w = /^(\w{3}) (\d\d), (\d{4}) (\d\d:\d\d:\d\d)\.(\d{9}) UTC$/.exec(field("Written time"));
    const month = w ? String(MONTHS.indexOf(w[1]) + 1).padStart(2, "0") : "??";
    const strings = [...block.matchAll(/^String: \d+\t+: ([\s\S]*?)(?=\nString: \d+\t|\n*(?![\s\S]))/gm)].map((m) => m[1]);
    return {
      number: Number(field("Event number")),
      written: w ? `${w[3]}-${month}-${w[2]}T${w[4]}.${w[5].slice(0, 7)}Z` : "",
      eventId: Number(/\((\d+)\)/.exec(field("Event identifier"))?.[1]),
      computer: field("Computer name"),
      source: field("Source name"),
      strings,
    };
  });
}

function leafValues(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (v && typeof v === "object") return Object.entries(v).filter(([k]) => k !== "xmlns").flatMap(([, x]) => leafValues(x));
  return [];
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
      const values = rec.event.EventData ? Object.values(rec.event.EventData) : leafValues(rec.event.UserData);
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
