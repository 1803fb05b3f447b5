import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bytesOf, corpusEvtxFiles, fileChunks, readPythonEvtxXml } from "@/lib/ingest/evtx/evtx-test-helpers";
import { readEvtx } from "@/lib/ingest/evtx/read-evtx";
import { systemText, type WinEvent } from "@/lib/ingest/win-event/win-event";
import { readWindowsXml, type XmlItem } from "@/lib/ingest/xml/read-windows-xml";

async function collect(source: AsyncIterable<Uint8Array>): Promise<XmlItem[]> {
  const out: XmlItem[] = [];
  for await (const item of readWindowsXml(source)) out.push(item);
  return out;
}

const NS = 'xmlns="http://schemas.microsoft.com/win/2004/08/events/event"';
const event = (id: number, extra = "") =>
  `<Event ${NS}><System><EventID>${id}</EventID><Channel>Security</Channel></System>` +
  `<EventData><Data Name="N">v${id}</Data>${extra}</EventData></Event>`;
const records = (items: XmlItem[]) => items.filter((i) => i.kind === "record");
const problems = (items: XmlItem[]) => items.filter((i) => i.kind === "problem");

function utf16(text: string, bigEndian: boolean, bom = true): Uint8Array {
  const le = Buffer.from(text, "utf16le");
  const body = bigEndian ? Buffer.from(le.map((_, i) => le[i ^ 1])) : le;
  return bom ? Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]) : body;
}

describe("readWindowsXml on python-evtx renderings of the corpus", () => {
  it.each(corpusEvtxFiles())("$dir", async ({ xml }) => {
    const oracle = readPythonEvtxXml(readFileSync(xml, "utf8"));
    const items = await collect(fileChunks(xml, 4093));
    expect(problems(items)).toEqual([]);
    const got = records(items);
    expect(got.length).toBe(oracle.length);
    got.forEach((item, i) => {
      if (item.kind !== "record") return;
      expect(systemText(item.event, "EventID")).toBe(oracle[i].eventId);
      expect(systemText(item.event, "Computer")).toBe(oracle[i].computer);
      const named = oracle[i].data.filter(([k]) => k !== "Binary");
      // XML parsers must normalise CRLF to LF (XML 1.0 §2.11); the regex oracle does not.
      for (const [k, v] of named) expect(item.event.EventData?.[k]).toBe(v.replace(/\r\n?/g, "\n"));
    });
  });
});

describe("EVTX → XML rendering → readWindowsXml round trip", () => {
  it.each(corpusEvtxFiles())("$dir: every record comes back identical", async ({ evtx }) => {
    const fromEvtx: WinEvent[] = [];
    const xml: string[] = [];
    for await (const item of readEvtx(fileChunks(evtx), { xml: true })) {
      if (item.kind !== "record") continue;
      fromEvtx.push(item.record.event);
      xml.push(item.record.xml ?? "");
    }
    // Serialised as UTF-16 LE with BOM, the way Event Viewer saves XML.
    const doc = `<?xml version="1.0" encoding="UTF-16"?>\r\n<Events>${xml.join("\r\n")}</Events>`;
    const items = await collect(bytesOf(utf16(doc, false)));
    expect(problems(items)).toEqual([]);
    // XML normalises CR LF to LF inside text, so compare with that applied to the EVTX side.
    const lf = (e: WinEvent) => JSON.parse(JSON.stringify(e).replace(/\\r\\n/g, "\\n"));
    expect(records(items).map((r) => r.kind === "record" && r.event)).toEqual(fromEvtx.map(lf));
  });
});

describe("readWindowsXml shapes and encodings", () => {
  const doc = `<?xml version="1.0" encoding="UTF-16"?>\n<Events>\n${event(1)}\n${event(2)}\n</Events>\n`;
  const cases: [string, Uint8Array][] = [
    ["utf-8 with Events root", Buffer.from(doc.replace("UTF-16", "UTF-8"))],
    ["utf-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc)])],
    ["utf-16 LE with BOM", utf16(doc, false)],
    ["utf-16 BE with BOM", utf16(doc, true)],
    ["utf-16 LE without BOM", utf16(doc, false, false)],
    ["bare <Event> sequence (wevtutil qe /f:xml)", Buffer.from(`${event(1)}${event(2)}`)],
  ];
  it.each(cases)("%s", async (_name, bytes) => {
    // One-byte pieces exercise split code units, split BOMs and a split XML declaration.
    async function* bytewise() { for (const b of bytes) yield Uint8Array.of(b); }
    for (const source of [bytesOf(bytes), bytewise()]) {
      const items = await collect(source);
      expect(problems(items)).toEqual([]);
      expect(records(items).map((r) => r.kind === "record" && r.event.EventData)).toEqual([{ N: "v1" }, { N: "v2" }]);
    }
  });

  it("decodes non-ASCII text in UTF-16 BE", async () => {
    const items = await collect(bytesOf(utf16(`<Events>${event(5, '<Data Name="U">Überprüfung ☃</Data>')}</Events>`, true)));
    expect(records(items)[0]).toMatchObject({ event: { EventData: { U: "Überprüfung ☃" } } });
  });

  it("reports the line where each record starts", async () => {
    const items = await collect(bytesOf(Buffer.from(`<Events>\n\n${event(1)}\n${event(2)}</Events>`)));
    expect(items.map((i) => i.line)).toEqual([3, 4]);
  });
});

describe("readWindowsXml refuses hostile or broken input", () => {
  const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<Events>${event(1, '<Data Name="X">&lol2;</Data>')}</Events>`;
  const xxe = `<!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]><Events>${event(1, '<Data Name="X">&x;</Data>')}</Events>`;
  it.each([["billion laughs", laughs], ["external entity (XXE)", xxe]])("%s → no records, DOCTYPE error", async (_n, text) => {
    const items = await collect(bytesOf(Buffer.from(text)));
    expect(records(items)).toEqual([]);
    expect(problems(items)).toHaveLength(1);
    expect(problems(items)[0]).toMatchObject({ reason: expect.stringMatching(/DOCTYPE/) });
  });

  it("keeps the valid records before a broken one and reports where it broke", async () => {
    const text = `<Events>\n${event(1)}\n${event(2)}\n<Event ${NS}><System><EventID>3</EventID></Sys>\n${event(4)}</Events>`;
    const items = await collect(bytesOf(Buffer.from(text)));
    expect(records(items).map((r) => r.kind === "record" && r.event.EventData?.N)).toEqual(["v1", "v2"]);
    expect(problems(items)).toEqual([expect.objectContaining({ index: 2, line: 4 })]);
  });

  it("rejects an undefined entity reference instead of passing it through", async () => {
    const items = await collect(bytesOf(Buffer.from(`<Events>${event(1, '<Data Name="X">&bogus;</Data>')}</Events>`)));
    expect(problems(items)).toHaveLength(1);
  });
});
