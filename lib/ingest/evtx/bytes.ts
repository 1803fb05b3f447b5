// Little-endian readers over a chunk buffer; EVTX is little-endian throughout.
const utf16 = new TextDecoder("utf-16le");
const latin1 = new TextDecoder("latin1");

export function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

export function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}

export function u64(b: Uint8Array, o: number): bigint {
  return BigInt(u32(b, o)) | (BigInt(u32(b, o + 4)) << 32n);
}

/** Exact when below 2^53 (record ids, offsets); larger values lose precision, callers that care use u64. */
export function u64n(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

export function utf16At(b: Uint8Array, o: number, chars: number): string {
  if (o + chars * 2 > b.length) throw new RangeError(`UTF-16 string at ${o} runs past the buffer`);
  return utf16.decode(b.subarray(o, o + chars * 2));
}

export function latin1At(b: Uint8Array, o: number, len: number): string {
  return latin1.decode(b.subarray(o, o + len));
}

export function hex(b: Uint8Array, o: number, len: number): string {
  let s = "";
  for (let i = o; i < o + len; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16);
  return s.toUpperCase();
}

const EPOCH_DIFF_100NS = 116444736000000000n;

/** FILETIME (100 ns since 1601) → ISO 8601 with 7 fractional digits, as Windows renders SystemTime. */
export function filetimeToIso(ft: bigint): string {
  const since1970 = ft - EPOCH_DIFF_100NS;
  const ms = since1970 / 10000n;
  const rest = since1970 % 10000n;
  const date = new Date(Number(ms));
  if (Number.isNaN(date.getTime())) return `FILETIME(${ft})`;
  const base = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const frac = base.slice(20, 23) + (rest < 0n ? 0n : rest).toString().padStart(4, "0");
  return `${base.slice(0, 19)}.${frac}Z`;
}
