export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

/** Picks the encoding from a BOM, else from the NUL pattern of a leading "<" (XML spec, appendix F). */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  if (head[0] === 0x3c && head[1] === 0x00) return { encoding: "utf-16le", bomLength: 0 };
  if (head[0] === 0x00 && head[1] === 0x3c) return { encoding: "utf-16be", bomLength: 0 };
  return { encoding: "utf-8", bomLength: 0 };
}

/** Decodes a byte stream to text pieces; UTF-16 BE is byte-swapped to LE (odd splits carried over). */
export async function* decodeText(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let swap = false;
  let carry: Uint8Array | null = null;
  let head: Uint8Array = new Uint8Array(0);
  for await (const piece of source) {
    let bytes = piece;
    if (!decoder) {
      head = concat(head, bytes);
      if (head.length < 4) continue;
      const { encoding, bomLength } = sniffEncoding(head);
      swap = encoding === "utf-16be";
      decoder = new TextDecoder(swap ? "utf-16le" : encoding, { fatal: false });
      bytes = head.subarray(bomLength);
    }
    if (swap) {
      if (carry) { bytes = concat(carry, bytes); carry = null; }
      if (bytes.length % 2 === 1) { carry = bytes.subarray(bytes.length - 1); bytes = bytes.subarray(0, bytes.length - 1); }
      bytes = swapPairs(bytes);
    }
    const text = decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  if (!decoder) {
    const { encoding, bomLength } = sniffEncoding(head);
    const bytes = head.subarray(bomLength);
    yield new TextDecoder(encoding === "utf-16be" ? "utf-16le" : encoding).decode(encoding === "utf-16be" ? swapPairs(bytes) : bytes);
    return;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function swapPairs(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length - (b.length % 2));
  for (let i = 0; i + 1 < b.length; i += 2) { out[i] = b[i + 1]; out[i + 1] = b[i]; }
  return out;
}
