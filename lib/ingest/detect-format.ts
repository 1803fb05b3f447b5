import { sniffEncoding } from "@/lib/ingest/xml/decode-text";

export type DetectedFormat = "evtx" | "gzip" | "zip" | "xml" | "json" | "unknown";

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/**
 * Decides the format from the first bytes only (never the file name: uploads get renamed).
 * Give it at least the first 512 bytes when the input has them.
 */
export function detectFormat(head: Uint8Array): DetectedFormat {
  if (startsWith(head, [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00])) return "evtx"; // "ElfFile\0"
  if (startsWith(head, [0x1f, 0x8b])) return "gzip";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  const { encoding, bomLength } = sniffEncoding(head);
  let body = head.subarray(bomLength);
  if (encoding !== "utf-8") {
    // Keep the low byte of each UTF-16 code unit: enough to see the first ASCII character.
    const odd = encoding === "utf-16le" ? 0 : 1;
    body = body.filter((_, i) => i % 2 === odd);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(body);
  const first = text.search(/\S/);
  if (first === -1 || looksBinary(text)) return "unknown";
  const c = text[first];
  if (c === "<") return "xml";
  if (c === "{" || c === "[") return "json";
  return "unknown";
}

/** Text formats have no NULs and few control characters; random bytes have plenty. */
function looksBinary(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control++;
  }
  return control > text.length / 10;
}
