import { describe, expect, it } from "vitest";
import { detectFormat, type DetectedFormat } from "@/lib/ingest/detect-format";

const utf16 = (s: string, be: boolean) => {
  const le = Buffer.from(s, "utf16le");
  return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), be ? Buffer.from(le.map((_, i) => le[i ^ 1])) : le]);
};

const CASES: [string, Uint8Array, DetectedFormat][] = [
  ["EVTX magic", Buffer.from("ElfFile\0\0\0\0\0"), "evtx"],
  ["gzip magic", Buffer.from([0x1f, 0x8b, 0x08, 0x00]), "gzip"],
  ["zip local header", Buffer.from("PK\x03\x04rest"), "zip"],
  ["empty zip", Buffer.from("PK\x05\x06\0\0"), "zip"],
  ["XML with declaration", Buffer.from('<?xml version="1.0"?><Events/>'), "xml"],
  ["XML after whitespace and UTF-8 BOM", Buffer.from("\ufeff \n<Events/>"), "xml"],
  ["UTF-16 LE XML", utf16("<Events/>", false), "xml"],
  ["UTF-16 BE XML", utf16("<Events/>", true), "xml"],
  ["NDJSON", Buffer.from('{"a":1}\n{"a":2}\n'), "json"],
  ["JSON array", Buffer.from('  [ {"a":1} ]'), "json"],
  ["plain text", Buffer.from("hello world"), "unknown"],
  ["empty", new Uint8Array(0), "unknown"],
  ["binary garbage", Uint8Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) & 0xff), "unknown"],
  ["'ElfFile' without NUL is not EVTX", Buffer.from("ElfFileX"), "unknown"],
];

describe("detectFormat", () => {
  it.each(CASES)("%s", (_name, head, want) => {
    expect(detectFormat(head)).toBe(want);
  });
});
