import { BinXmlParser } from "@/lib/ingest/evtx/binxml-parser";
import { filetimeToIso, u32, u64, u64n } from "@/lib/ingest/evtx/bytes";
import { crc32 } from "@/lib/ingest/evtx/crc32";
import type { EvtxItem, EvtxOptions } from "@/lib/ingest/evtx/evtx-types";
import { resolveNodes } from "@/lib/ingest/evtx/resolve-template";
import { systemText, toWinEvent } from "@/lib/ingest/win-event/win-event";
import { isElement, toXml } from "@/lib/ingest/win-event/xml-element";

export const CHUNK_SIZE = 0x10000;
const CHUNK_HEADER_SIZE = 512;
const RECORD_MAGIC = 0x00002a2a;
const CHUNK_MAGIC = [0x45, 0x6c, 0x66, 0x43, 0x68, 0x6e, 0x6b, 0x00]; // "ElfChnk\0"

function hasMagic(b: Uint8Array): boolean {
  return CHUNK_MAGIC.every((v, i) => b[i] === v);
}

/**
 * Parses one chunk (normally 64 KiB; shorter when the file is truncated). Chunks are self-contained:
 * names and templates are referenced by chunk offset, so nothing carries over between chunks.
 */
export function* parseChunk(b: Uint8Array, index: number, fileOffset: number, opts: EvtxOptions = {}): Generator<EvtxItem> {
  const problem = (reason: string, offset = 0, recordId?: number): EvtxItem =>
    ({ kind: "problem", problem: { chunk: index, offset: fileOffset + offset, recordId, reason } });
  if (b.length < CHUNK_HEADER_SIZE) {
    if (b.some((x) => x !== 0)) yield problem(`truncated chunk: only ${b.length} bytes`);
    return;
  }
  if (!hasMagic(b)) {
    // Pre-allocated, never-used chunks are zero-filled; anything else is damage worth reporting.
    if (!opts.unusedSpace && b.some((x) => x !== 0)) yield problem("chunk signature missing; chunk skipped");
    return;
  }
  const headerCrc = crc32(b, 128, 512, crc32(b, 0, 120));
  if (headerCrc !== u32(b, 124)) { yield problem("chunk header checksum mismatch; chunk skipped"); return; }
  const freeSpace = u32(b, 48);
  const truncated = b.length < CHUNK_SIZE;
  if (freeSpace > CHUNK_SIZE || freeSpace < CHUNK_HEADER_SIZE) { yield problem(`bad free-space offset ${freeSpace}; chunk skipped`); return; }
  if (truncated) yield problem(`truncated chunk: ${b.length} of ${CHUNK_SIZE} bytes; parsing the records that fit`);
  else if (crc32(b, CHUNK_HEADER_SIZE, freeSpace) !== u32(b, 52)) {
    if (opts.onDataChecksumMismatch !== "parse") { yield problem("chunk record-data checksum mismatch; chunk skipped"); return; }
    yield problem("chunk record-data checksum mismatch; parsing anyway");
  }
  const parser = new BinXmlParser(b);
  const limit = Math.min(freeSpace, b.length);
  let o = CHUNK_HEADER_SIZE;
  while (o + 24 <= limit) {
    if (u32(b, o) !== RECORD_MAGIC) { yield problem("record signature missing; rest of chunk skipped", o); return; }
    const size = u32(b, o + 4);
    if (size < 28 || o + size > b.length) {
      yield problem(truncated ? "record cut off by end of file" : `bad record size ${size}; rest of chunk skipped`, o);
      return;
    }
    const recordId = u64n(b, o + 8);
    if (u32(b, o + size - 4) !== size) yield problem("record size copy mismatch; record skipped", o, recordId);
    else {
      try {
        const children = resolveNodes(parser.parseFragment(o + 24, o + size - 4), []);
        const root = children.find(isElement);
        if (!root) throw new Error("record has no root element");
        const writtenAt = filetimeToIso(u64(b, o + 16));
        const event = toWinEvent(root);
        const rendered = Number(systemText(event, "EventRecordID"));
        const record = { recordId: Number.isSafeInteger(rendered) && rendered > 0 ? rendered : recordId, recordNumber: recordId, writtenAt, event, chunk: index, offset: fileOffset + o };
        yield { kind: "record", record: opts.xml ? { ...record, xml: toXml(root) } : record };
      } catch (error) {
        yield problem(`record unreadable: ${error instanceof Error ? error.message : String(error)}`, o, recordId);
      }
    }
    o += size;
  }
}
