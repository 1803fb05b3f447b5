import { readFileSync, readdirSync } from "node:fs";
import path, { join } from "node:path";
import type { WinEvent } from "@/lib/ingest/win-event/win-event";

/** `../shared/data` beside the repository, wherever the clone is. */
export const DATA_DIR = path.resolve(import.meta.dirname, "../../../../shared/data");

/** The corpus EVTX files with the python-evtx rendering beside them (README table). */
export function corpusEvtxFiles(): { dir: string; evtx: string; xml: string }[] {
  const out: { dir: string; evtx: string; xml: string }[] = [];
  for (const dir of readdirSync(DATA_DIR)) {
    let names: string[];
    try { names = readdirSync(join(DATA_DIR, dir)); } catch { continue; }
    for (const name of names.filter((n) => n.endsWith(".evtx"))) {
      out.push({ dir, evtx: join(DATA_DIR, dir, name), xml: join(DATA_DIR, dir, name.replace(/\.evtx$/, ".xml")) });
    }
  }
  return out;
}

export async function* fileChunks(path: string, pieceSize = 7919): AsyncGenerator<Uint8Array> {
  const bytes = readFileSync(path);
  // An odd piece size makes chunk and record boundaries fall mid-piece, as they do with real streams.
  for (let i = 0; i < bytes.length; i += pieceSize) yield bytes.subarray(i, i + pieceSize);
}

export async function* bytesOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

const unescape = (s: string) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

export type OracleRecord = {
  eventId: string; recordId: string; systemTime: string; channel: string; computer: string;
  data: [string, string][];
};

/** Reads python-evtx's `evtx_dump.py` output with plain regexes, independent of our XML reader. */
export function readPythonEvtxXml(xml: string): OracleRecord[] {
  return xml.split("<Event xmlns=").slice(1).map((block) => {
    const one = (re: RegExp) => unescape(re.exec(block)?.[1] ?? "");
    const data: [string, string][] = [];
    const eventData = /<EventData>([\s\S]*?)<\/EventData>/.exec(block)?.[1] ?? "";
    for (const m of eventData.matchAll(/<Data Name="([^"]*)">([\s\S]*?)<\/Data>/g)) data.push([m[1], unescape(m[2])]);
    // python-evtx prints <Binary> as base64; Windows (and we) print upper-case hex.
    const binary = /<Binary>([\s\S]*?)<\/Binary>/.exec(eventData);
    if (binary) data.push(["Binary", Buffer.from(binary[1], "base64").toString("hex").toUpperCase()]);
    return {
      eventId: one(/<EventID[^>]*>(\d+)<\/EventID>/),
      recordId: one(/<EventRecordID>(\d+)<\/EventRecordID>/),
      systemTime: one(/<TimeCreated SystemTime="([^"]*)"/),
      channel: one(/<Channel>([\s\S]*?)<\/Channel>/),
      computer: one(/<Computer>([\s\S]*?)<\/Computer>/),
      data,
    };
  });
}

/** python-evtx prints hex ints zero-padded, GUIDs lower-case; Windows (and we) print 0x3e7 and upper-case. */
export function normaliseValue(v: string): string {
  if (/^0x[0-9a-f]+$/i.test(v)) return `0x${BigInt(v).toString(16)}`;
  if (/^\{[0-9a-f-]{36}\}$/i.test(v)) return v.toLowerCase();
  if (/^(true|false)$/i.test(v)) return v.toLowerCase();
  return v;
}

/** "2017-12-26 13:10:29.136879" (python datetime str, fraction dropped when 0) → ISO to the microsecond. */
export function pythonTimeToIso(t: string): string {
  const [date, time] = t.split(" ");
  const [hms, frac = "0"] = time.split(".");
  return `${date}T${hms}.${frac.padEnd(6, "0")}Z`;
}

export type ExportRecord = { number: number; written: string; eventId: number; computer: string; source: string; strings: string[] };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Parses `evtxexport` text output (libevtx). Multi-line strings run until the next "String:" line. */
export function parseEvtxexport(text: string): ExportRecord[] {
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

/** The values evtxexport lists as an event's strings: EventData's, else UserData's leaves. */
export function eventStrings(event: WinEvent): string[] {
  return event.EventData ? Object.values(event.EventData) : leafValues(event.UserData);
}

function leafValues(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (v && typeof v === "object") return Object.entries(v).filter(([k]) => !k.startsWith("xmlns")).flatMap(([, x]) => leafValues(x));
  return [];
}
