import { SaxesParser } from "saxes";
import { toWinEvent, type WinEvent } from "@/lib/ingest/win-event/win-event";
import type { XmlElement } from "@/lib/ingest/win-event/xml-element";
import { decodeText } from "@/lib/ingest/xml/decode-text";

export type XmlItem =
  | { kind: "record"; event: WinEvent; index: number; line: number }
  | { kind: "problem"; reason: string; index: number; line: number };

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/**
 * Streams `<Event>` records out of a Windows XML export (`<Events>` root, or a bare sequence of
 * `<Event>` elements as `wevtutil qe /f:xml` prints). DOCTYPE is refused outright: it is the door to
 * XXE and entity-expansion bombs, and no Windows exporter writes one. XML cannot be resynchronised
 * after a well-formedness error, so the first one ends the file (records before it are kept).
 */
export async function* readWindowsXml(source: AsyncIterable<Uint8Array>): AsyncGenerator<XmlItem> {
  // Fragment mode accepts several top-level <Event> elements; it rejects an XML declaration, so we drop it.
  const parser = new SaxesParser({ fragment: true });
  const out: XmlItem[] = [];
  const stack: XmlElement[] = [];
  let index = 0;
  let eventLine = 0;
  let failure: XmlItem | null = null;
  // Saxes keeps going after an error; anything it emits afterwards is cut off at this point.
  const fail = (reason: string, keep: number) => {
    if (failure) return;
    failure = { kind: "problem", reason, index, line: parser.line };
    out.length = keep;
  };
  const refuseDoctype = () => fail("DOCTYPE/ENTITY declarations are not accepted in event XML (XXE / entity-expansion risk)", 0);
  parser.on("doctype", refuseDoctype);
  // In fragment mode saxes reports a DOCTYPE as misplaced rather than emitting it.
  parser.on("error", (e) => (/doctype/i.test(e.message) ? refuseDoctype() : fail(`invalid XML: ${e.message}`, out.length)));
  parser.on("opentag", (tag) => {
    const name = localName(tag.name);
    const el: XmlElement = { name, attrs: {}, children: [] };
    for (const [k, v] of Object.entries(tag.attributes)) el.attrs[localName(k)] = typeof v === "string" ? v : v.value;
    if (name === "Event") eventLine = parser.line;
    if (stack.length > 0) stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("text", (t) => { if (stack.length > 0) stack[stack.length - 1].children.push(t); });
  parser.on("cdata", (t) => { if (stack.length > 0) stack[stack.length - 1].children.push({ cdata: t }); });
  parser.on("closetag", () => {
    const el = stack.pop();
    if (el?.name === "Event" && !failure) out.push({ kind: "record", event: toWinEvent(el), index: index++, line: eventLine });
  });

  let prologDone = false;
  let pending = "";
  for await (const text of decodeText(source)) {
    let piece = text;
    if (!prologDone) {
      pending += text;
      const stripped = stripXmlDeclaration(pending);
      if (stripped === null) continue;
      prologDone = true;
      piece = stripped;
    }
    parser.write(piece);
    yield* drain();
    if (failure) return;
  }
  if (!prologDone) parser.write(pending);
  parser.close();
  yield* drain();

  function* drain(): Generator<XmlItem> {
    yield* out.splice(0);
    if (failure) yield failure;
  }
}

/** Returns the text without its XML declaration, or null while more text is needed to tell. */
function stripXmlDeclaration(text: string): string | null {
  const start = text.search(/\S/);
  if (start === -1) return text.length > 4096 ? text : null;
  if (text.length - start < 5) return null;
  if (!text.startsWith("<?xml", start)) return text;
  const end = text.indexOf("?>", start);
  if (end === -1) return text.length > 4096 ? text : null;
  // Newlines kept so reported line numbers still match the file.
  return text.slice(0, start) + "\n".repeat(countNewlines(text.slice(start, end))) + text.slice(end + 2);
}

function countNewlines(s: string): number {
  let n = 0;
  for (const c of s) if (c === "\n") n++;
  return n;
}
