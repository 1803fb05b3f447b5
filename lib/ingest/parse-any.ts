import { createGunzip } from "node:zlib";
import type { EcsEvent } from "@/lib/ecs/event";
import { detectFormat, type DetectedFormat } from "@/lib/ingest/detect-format";
import { fromWinEvent } from "@/lib/ingest/ecs/winlog-record";
import { toEcs } from "@/lib/ingest/ecs/to-ecs";
import { readEvtx } from "@/lib/ingest/evtx/read-evtx";
import { readJsonRecordBatches } from "@/lib/ingest/json-records";
import { classifyJsonRecord } from "@/lib/ingest/json/classify-json-record";
import { NxlogClock } from "@/lib/ingest/json/from-nxlog";
import { jsonToEcs } from "@/lib/ingest/json/json-to-ecs";
import { readWindowsXml } from "@/lib/ingest/xml/read-windows-xml";

/** Where an item came from: record id/index, 1-based line (text), byte offset and chunk (EVTX). */
export type Position = { record?: number; line?: number; offset?: number; chunk?: number };

export type IngestItem =
  | { kind: "format"; format: DetectedFormat; container?: "gzip" }
  /**
   * `source`: for JSON records whose conversion needs no state from the rest of the file (not NXLog's
   * clock), the record's text — `eventFromJsonSource(source)` gives the same event again. A consumer
   * that holds many events can keep this one flat string instead of the event's object tree.
   */
  | { kind: "event"; event: EcsEvent; position: Position; source?: string }
  | { kind: "rejected"; reason: string; position: Position };

export type ParseOptions = {
  /** UTC offset of NXLog local times when the input itself cannot tell (minutes, e.g. -240). */
  nxlogUtcOffsetMinutes?: number;
  /** EVTX: keep records of chunks whose data checksum fails (default: skip the chunk). */
  salvageCorruptChunks?: boolean;
};

const HEAD_BYTES = 512;

/**
 * Any supported input (EVTX, Windows XML, JSON in ECS/Winlogbeat/NXLog shape, each optionally
 * gzipped) → ECS events, streaming. The first item always says which format was detected.
 */
export async function* parseEventStream(chunks: AsyncIterable<Uint8Array>, opts: ParseOptions = {}): AsyncGenerator<IngestItem> {
  for await (const batch of parseEventBatches(chunks, opts)) for (const item of batch) yield item;
}

/**
 * The same items in arrays (never empty; JSON: one per input chunk), for consumers that read many
 * events: each async generator step an event passes through costs ~0.6 µs (bench/ingest-e2e.ts).
 */
export async function* parseEventBatches(chunks: AsyncIterable<Uint8Array>, opts: ParseOptions = {}, container?: "gzip"): AsyncGenerator<IngestItem[]> {
  const { head, stream } = await peek(chunks, HEAD_BYTES);
  const format = detectFormat(head);
  // For gzip the inner stream's format is what the caller wants to know; it is announced from there.
  if (format !== "gzip" || container) yield [container ? { kind: "format", format, container } : { kind: "format", format }];
  switch (format) {
    case "evtx":
      for await (const item of readEvtx(stream, { onDataChecksumMismatch: opts.salvageCorruptChunks ? "parse" : "skip" })) {
        if (item.kind === "problem") {
          const { chunk, offset, recordId, reason } = item.problem;
          yield [{ kind: "rejected", reason, position: { chunk, offset, record: recordId } }];
        } else {
          const { record } = item;
          yield [{ kind: "event", event: toEcs(fromWinEvent(record.event)), position: { record: record.recordId, chunk: record.chunk, offset: record.offset } }];
        }
      }
      return;
    case "xml":
      for await (const item of readWindowsXml(stream)) {
        const position = { record: item.index, line: item.line };
        if (item.kind === "problem") yield [{ kind: "rejected", reason: item.reason, position }];
        else yield [{ kind: "event", event: toEcs(fromWinEvent(item.event)), position }];
      }
      return;
    case "json": {
      // NXLog records wait (bounded) until a later record reveals the local-time offset.
      const clock = new NxlogClock(opts.nxlogUtcOffsetMinutes);
      const held: JsonItem[] = [];
      for await (const records of readJsonRecordBatches(stream)) {
        const out: IngestItem[] = [];
        for (const record of records) {
          const position = { record: record.index, line: record.line };
          if (!record.ok) { out.push({ kind: "rejected", reason: `invalid JSON: ${record.error}`, position }); continue; }
          const item = { value: record.value, text: record.text, position };
          if (clock.offsetMinutes === undefined && classifyJsonRecord(record.value) === "nxlog") {
            clock.learnFrom(record.value as Record<string, unknown>);
            if (clock.offsetMinutes === undefined && held.length < MAX_HELD_FOR_CLOCK) { held.push(item); continue; }
          }
          if (held.length) for (const earlier of held.splice(0)) out.push(convertJson(earlier, clock));
          out.push(convertJson(item, clock));
        }
        if (out.length) yield out;
      }
      if (clock.offsetMinutes === undefined) clock.assumeUtc();
      if (held.length) yield held.splice(0).map((earlier) => convertJson(earlier, clock));
      return;
    }
    case "gzip":
      if (container) { yield [{ kind: "rejected", reason: "nested gzip is not accepted", position: { offset: 0 } }]; return; }
      try {
        for await (const batch of parseEventBatches(gunzip(stream), opts, "gzip")) yield batch;
      } catch (error) {
        // Everything decoded before the damage has already been yielded.
        yield [{ kind: "rejected", reason: `gzip: ${error instanceof Error ? error.message : String(error)}`, position: {} }];
      }
      return;
    case "zip":
      yield [{ kind: "rejected", reason: "zip archive: open it with the upload layer and pass each entry's stream to parseEventBatches", position: { offset: 0 } }];
      return;
    case "unknown":
      yield [{ kind: "rejected", reason: "unrecognised content (not EVTX, XML, JSON, gzip or zip)", position: { offset: 0 } }];
      return;
  }
}

const MAX_HELD_FOR_CLOCK = 5000;

type JsonItem = { value: unknown; text: string; position: Position };

function convertJson({ value, text, position }: JsonItem, clock: NxlogClock): IngestItem {
  const result = jsonToEcs(value, clock);
  if (!result.ok) return { kind: "rejected", reason: result.reason, position };
  return result.kind === "nxlog" ? { kind: "event", event: result.event, position } : { kind: "event", event: result.event, position, source: text };
}

/** The event an item's `source` text stands for (null if it no longer converts, which cannot happen for a `source` given out). */
export function eventFromJsonSource(source: string): EcsEvent | null {
  const result = jsonToEcs(JSON.parse(source));
  return result.ok ? result.event : null;
}

/** Reads at least `n` bytes (or all) for sniffing, then replays them ahead of the rest. */
async function peek(source: AsyncIterable<Uint8Array>, n: number): Promise<{ head: Uint8Array; stream: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let size = 0;
  while (size < n) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    size += next.value.length;
  }
  const head = new Uint8Array(size);
  let at = 0;
  for (const piece of seen) { head.set(piece, at); at += piece.length; }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* seen;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, stream: replay() };
}

/** node:zlib as a pure byte transform; errors (truncated/corrupt gzip) surface to the caller. */
async function* gunzip(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflate = createGunzip();
  const feed = (async () => {
    try {
      for await (const piece of source) if (!inflate.write(piece)) await new Promise((r) => inflate.once("drain", r));
      inflate.end();
    } catch (error) {
      inflate.destroy(error as Error);
    }
  })();
  for await (const out of inflate) yield out as Uint8Array;
  await feed;
}
