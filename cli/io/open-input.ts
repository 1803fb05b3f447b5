import { createReadStream } from "node:fs";
import { access, constants } from "node:fs/promises";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

const CHUNK = 1 << 18;

/** Fails early (before any output) when a named input cannot be read; `-` is stdin. */
export async function assertReadable(file: string): Promise<void> {
  if (file === "-") return;
  await access(file, constants.R_OK);
}

/** Bytes of a file or stdin, gunzipped when the content starts with the gzip magic (not by extension). */
export async function* openInput(file: string): AsyncIterable<Uint8Array> {
  const raw: AsyncIterable<Uint8Array> = file === "-" ? process.stdin : createReadStream(file, { highWaterMark: CHUNK });
  const iterator = raw[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value as Uint8Array;
  const rest = { [Symbol.asyncIterator]: () => iterator };
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    const source = Readable.from((async function* () {
      yield head;
      yield* rest;
    })());
    yield* source.pipe(createGunzip({ chunkSize: CHUNK }));
    return;
  }
  yield head;
  yield* rest;
}
