import { ByteQueue } from "@/lib/ingest/evtx/byte-queue";
import { u16, u32 } from "@/lib/ingest/evtx/bytes";
import { crc32 } from "@/lib/ingest/evtx/crc32";
import type { EvtxItem, EvtxOptions } from "@/lib/ingest/evtx/evtx-types";
import { CHUNK_SIZE, parseChunk } from "@/lib/ingest/evtx/parse-chunk";

const FILE_MAGIC = "ElfFile\0";
const FILE_HEADER_BLOCK = 4096;

export function isEvtxMagic(head: Uint8Array): boolean {
  if (head.length < 8) return false;
  for (let i = 0; i < 8; i++) if (head[i] !== FILE_MAGIC.charCodeAt(i)) return false;
  return true;
}

/**
 * Streams records out of an EVTX file chunk by chunk, holding at most one 64 KiB chunk. Damage is
 * reported as `problem` items and parsing continues with the next chunk.
 */
export async function* readEvtx(source: AsyncIterable<Uint8Array>, opts: EvtxOptions = {}): AsyncGenerator<EvtxItem> {
  const queue = new ByteQueue();
  let header: Uint8Array | null = null;
  let chunkIndex = 0;
  let declaredChunks = Infinity;
  for await (const piece of source) {
    queue.push(piece);
    if (!header) {
      header = queue.take(FILE_HEADER_BLOCK);
      if (!header) continue;
      yield* checkHeader(header);
      declaredChunks = declaredChunkCount(header);
    }
    for (let block = queue.take(CHUNK_SIZE); block; block = queue.take(CHUNK_SIZE)) {
      yield* parseChunk(block, chunkIndex, queue.consumed - CHUNK_SIZE, { ...opts, unusedSpace: chunkIndex >= declaredChunks });
      chunkIndex++;
    }
  }
  if (!header) {
    const head = queue.takeAll();
    yield* isEvtxMagic(head) ? [problem(`file truncated inside its header (${head.length} bytes)`)] : checkHeader(head);
    return;
  }
  if (queue.size > 0) {
    const offset = queue.consumed;
    yield* parseChunk(queue.takeAll(), chunkIndex, offset, opts);
  }
}

/**
 * Windows preallocates the file; chunks past the header's chunk count are unused space whose stale
 * bytes are not damage (python-evtx and libevtx ignore them too). A valid header's count only.
 */
function declaredChunkCount(h: Uint8Array): number {
  if (h.length < 128 || crc32(h, 0, 120) !== u32(h, 124)) return Infinity;
  const count = u16(h, 42);
  return count > 0 ? count : Infinity;
}

function problem(reason: string, offset = 0): EvtxItem {
  return { kind: "problem", problem: { offset, reason } };
}

function* checkHeader(h: Uint8Array): Generator<EvtxItem> {
  if (!isEvtxMagic(h)) throw new Error("not an EVTX file (missing ElfFile signature)");
  if (h.length < 128) return;
  if (crc32(h, 0, 120) !== u32(h, 124)) yield problem("file header checksum mismatch (continuing)");
  const major = u16(h, 38);
  if (major !== 3) yield problem(`unexpected EVTX major version ${major} (continuing)`);
}
