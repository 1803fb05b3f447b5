import { filetimeToIso, hex, latin1At, u16, u32, u64, utf16At } from "@/lib/ingest/evtx/bytes";
import type { SubValue } from "@/lib/ingest/evtx/binxml-nodes";

// Rendered the way Windows' EvtRender/wevtutil renders them (hex ints as 0x…, GUIDs braced), since
// that is what Winlogbeat ships and what the ECS pipelines were written against.
function guid(b: Uint8Array, o: number): string {
  const d1 = u32(b, o).toString(16).padStart(8, "0");
  const d2 = u16(b, o + 4).toString(16).padStart(4, "0");
  const d3 = u16(b, o + 6).toString(16).padStart(4, "0");
  const d4 = hex(b, o + 8, 2);
  const d5 = hex(b, o + 10, 6);
  return `{${d1}-${d2}-${d3}-${d4}-${d5}}`.toUpperCase();
}

function sid(b: Uint8Array, o: number, size: number): string {
  const revision = b[o];
  const count = b[o + 1];
  if (size < 8 + count * 4) throw new Error("SID shorter than its sub-authority count");
  let authority = 0;
  for (let i = 2; i < 8; i++) authority = authority * 256 + b[o + i];
  let s = `S-${revision}-${authority}`;
  for (let i = 0; i < count; i++) s += `-${u32(b, o + 8 + i * 4)}`;
  return s;
}

function systemtime(b: Uint8Array, o: number): string {
  const [y, mo, , d, h, mi, s, ms] = [0, 2, 4, 6, 8, 10, 12, 14].map((k) => u16(b, o + k));
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}.${p(ms, 3)}Z`;
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Fixed-size scalar types: [byte size, renderer]. */
const SCALARS: Record<number, [number, (b: Uint8Array, o: number) => string]> = {
  0x03: [1, (b, o) => String((b[o] << 24) >> 24)],
  0x04: [1, (b, o) => String(b[o])],
  0x05: [2, (b, o) => String((u16(b, o) << 16) >> 16)],
  0x06: [2, (b, o) => String(u16(b, o))],
  0x07: [4, (b, o) => String(u32(b, o) | 0)],
  0x08: [4, (b, o) => String(u32(b, o))],
  0x09: [8, (b, o) => String(BigInt.asIntN(64, u64(b, o)))],
  0x0a: [8, (b, o) => String(u64(b, o))],
  0x0b: [4, (b, o) => String(view(b).getFloat32(o, true))],
  0x0c: [8, (b, o) => String(view(b).getFloat64(o, true))],
  0x0d: [4, (b, o) => (u32(b, o) !== 0 ? "true" : "false")],
  0x0f: [16, guid],
  0x11: [8, (b, o) => filetimeToIso(u64(b, o))],
  0x12: [16, systemtime],
  0x14: [4, (b, o) => `0x${u32(b, o).toString(16)}`],
  0x15: [8, (b, o) => `0x${u64(b, o).toString(16)}`],
};

function stripNul(s: string): string {
  const i = s.indexOf("\0");
  return i === -1 ? s : s.slice(0, i);
}

function single(b: Uint8Array, o: number, size: number, type: number): string {
  switch (type) {
    case 0x01: return stripNul(utf16At(b, o, size >> 1));
    case 0x02: return stripNul(latin1At(b, o, size));
    case 0x0e: return hex(b, o, size);
    case 0x10: return `0x${(size === 8 ? u64(b, o) : BigInt(u32(b, o))).toString(16)}`;
    case 0x13: return sid(b, o, size);
  }
  const scalar = SCALARS[type];
  if (!scalar) throw new Error(`unsupported value type 0x${type.toString(16)}`);
  if (size < scalar[0]) throw new Error(`value type 0x${type.toString(16)} needs ${scalar[0]} bytes, has ${size}`);
  return scalar[1](b, o);
}

function array(b: Uint8Array, o: number, size: number, type: number): string[] {
  if (type === 0x01) return utf16At(b, o, size >> 1).split("\0").filter((s, i, all) => s !== "" || i < all.length - 1);
  if (type === 0x02) return latin1At(b, o, size).split("\0").filter((s, i, all) => s !== "" || i < all.length - 1);
  if (type === 0x13) {
    const out: string[] = [];
    for (let p = o; p + 8 <= o + size; p += 8 + b[p + 1] * 4) out.push(sid(b, p, o + size - p));
    return out;
  }
  const width = type === 0x10 ? 8 : SCALARS[type]?.[0];
  if (!width) throw new Error(`unsupported array type 0x${type.toString(16)}`);
  const out: string[] = [];
  for (let p = o; p + width <= o + size; p += width) out.push(single(b, p, width, type));
  return out;
}

/** Decodes one substitution value (not 0x21 embedded BinXML, which the parser handles). */
export function decodeValue(b: Uint8Array, o: number, size: number, type: number): SubValue {
  if (type === 0x00 || size === 0) return { type, text: null };
  if (type & 0x80) {
    const list = array(b, o, size, type & 0x7f);
    return { type, text: list.join(", "), list };
  }
  return { type, text: single(b, o, size, type) };
}
