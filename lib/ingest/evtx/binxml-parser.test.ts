import { describe, expect, it } from "vitest";
import { BinXmlParser } from "@/lib/ingest/evtx/binxml-parser";
import { resolveNodes } from "@/lib/ingest/evtx/resolve-template";
import { isElement, toXml } from "@/lib/ingest/win-event/xml-element";

/**
 * Hand-assembles BinXML following libevtx's "Windows XML Event Log (EVTX)" format description, so
 * tokens and value types the corpus never uses (CDATA, PI, entity/char refs, every scalar type,
 * arrays, embedded BinXML, optional null substitutions, template reuse) are exercised.
 */
class Writer {
  bytes: number[] = [];
  constructor(readonly base = 512) {}
  get pos() { return this.base + this.bytes.length; }
  u8(v: number) { this.bytes.push(v & 0xff); }
  u16(v: number) { this.u8(v); this.u8(v >> 8); }
  u32(v: number) { for (let i = 0; i < 4; i++) this.u8(Math.floor(v / 2 ** (8 * i))); }
  raw(b: ArrayLike<number>) { for (let i = 0; i < b.length; i++) this.u8(b[i]); }
  utf16(s: string) { this.raw(Buffer.from(s, "utf16le")); }
  patch32(at: number, v: number) { const i = at - this.base; for (let k = 0; k < 4; k++) this.bytes[i + k] = Math.floor(v / 2 ** (8 * k)) & 0xff; }
  /** A name defined inline: its offset is the byte right after the 4-byte reference. */
  name(s: string) { this.u32(this.pos + 4); this.u32(0); this.u16(0); this.u16(s.length); this.utf16(s); this.u16(0); }
  open(name: string, attrs: (() => void)[] = []) {
    this.u8(attrs.length ? 0x41 : 0x01); this.u16(0); this.u32(0); this.name(name);
    if (attrs.length) { this.u32(0); attrs.forEach((a, i) => { this.u8(i < attrs.length - 1 ? 0x46 : 0x06); a(); }); }
  }
  attr(name: string, value: () => void) { return () => { this.name(name); value(); }; }
  text(s: string) { this.u8(0x05); this.u8(0x01); this.u16(s.length); this.utf16(s); }
  sub(index: number, type: number, optional = false) { this.u8(optional ? 0x0e : 0x0d); this.u16(index); this.u8(type); }
  element(name: string, body: () => void, attrs: (() => void)[] = []) { this.open(name, attrs); this.u8(0x02); body(); this.u8(0x04); }
  /** Template instance with an inline definition; returns the definition's offset for reuse. */
  /** Values are bytes, or a builder given the offset where they will sit (for embedded BinXML). */
  instance(body: () => void, values: [number, number[] | ((at: number) => number[])][], reuse?: number): number {
    this.u8(0x0c); this.u8(0x01); this.u32(7);
    let def = reuse ?? this.pos + 4;
    this.u32(def);
    if (reuse === undefined) {
      def = this.pos;
      this.u32(0); this.raw(new Array(16).fill(0xab));
      const sizeAt = this.pos; this.u32(0);
      const start = this.pos;
      this.raw([0x0f, 0x01, 0x01, 0x00]); body(); this.u8(0x00);
      this.patch32(sizeAt, this.pos - start);
    }
    this.u32(values.length);
    const bytesAt = (v: number[] | ((at: number) => number[]), at: number) => (typeof v === "function" ? v(at) : v);
    for (const [type, data] of values) { this.u16(bytesAt(data, 0).length); this.u8(type); this.u8(0); }
    for (const [, data] of values) this.raw(bytesAt(data, this.pos));
    return def;
  }
  chunk(): Uint8Array { const b = new Uint8Array(65536); b.set(this.bytes, this.base); return b; }
}

const le = (n: bigint, bytes: number) => Array.from({ length: bytes }, (_, i) => Number((BigInt.asUintN(bytes * 8, n) >> BigInt(8 * i)) & 0xffn));
const f32 = (x: number) => { const b = Buffer.alloc(4); b.writeFloatLE(x); return [...b]; };
const f64 = (x: number) => { const b = Buffer.alloc(8); b.writeDoubleLE(x); return [...b]; };
const w16 = (s: string) => [...Buffer.from(s, "utf16le")];

// [value type, bytes, expected rendering]: renderings as Windows' event XML prints them.
const VALUES: [string, number, number[], string][] = [
  ["UTF-16 string (NUL-terminated)", 0x01, w16("héllo\0"), "héllo"],
  ["ANSI string", 0x02, [0x61, 0x62, 0x63, 0x00], "abc"],
  ["int8", 0x03, [0xff], "-1"],
  ["uint8", 0x04, [0xff], "255"],
  ["int16", 0x05, le(-32768n, 2), "-32768"],
  ["uint16", 0x06, le(65535n, 2), "65535"],
  ["int32", 0x07, le(-5n, 4), "-5"],
  ["uint32", 0x08, le(4294967295n, 4), "4294967295"],
  ["int64", 0x09, le(-2n, 8), "-2"],
  ["uint64", 0x0a, le(18446744073709551615n, 8), "18446744073709551615"],
  ["float", 0x0b, f32(1.5), "1.5"],
  ["double", 0x0c, f64(0.1), "0.1"],
  ["bool", 0x0d, le(1n, 4), "true"],
  ["binary", 0x0e, [0xde, 0xad, 0x01], "DEAD01"],
  ["GUID", 0x0f, [0x5f, 0x38, 0x70, 0x57, 0x2a, 0xc2, 0xe0, 0x43, 0xbf, 0x4c, 0x06, 0xf5, 0x69, 0x8f, 0xfb, 0xd9], "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}"],
  ["size_t (64-bit)", 0x10, le(0x1234n, 8), "0x1234"],
  // 132634708711817985 computed with Python's datetime from 2021-04-21 09:27:51.1817985 UTC.
  ["FILETIME", 0x11, le(132634708711817985n, 8), "2021-04-21T09:27:51.1817985Z"],
  ["SYSTEMTIME", 0x12, [2021, 4, 3, 21, 9, 27, 51, 181].flatMap((n) => le(BigInt(n), 2)), "2021-04-21T09:27:51.181Z"],
  ["SID", 0x13, [1, 4, 0, 0, 0, 0, 0, 5, ...le(21n, 4), ...le(1n, 4), ...le(2n, 4), ...le(500n, 4)], "S-1-5-21-1-2-500"],
  ["hex int32", 0x14, le(0x3e7n, 4), "0x3e7"],
  ["hex int64", 0x15, le(0x8000000000000000n, 8), "0x8000000000000000"],
  // An element holding only an array is repeated per item (Windows' rendering; libevtx's evtxexport too).
  ["string array", 0x81, w16("a\0\0b\0"), "a</Data><Data/><Data>b"],
  ["uint32 array", 0x88, [...le(1n, 4), ...le(2n, 4)], "1</Data><Data>2"],
  ["SID array", 0x93, [1, 1, 0, 0, 0, 0, 0, 5, ...le(18n, 4), 1, 1, 0, 0, 0, 0, 0, 5, ...le(19n, 4)], "S-1-5-18</Data><Data>S-1-5-19"],
];

function render(w: Writer): string {
  const b = w.chunk();
  const nodes = new BinXmlParser(b).parseFragment(w.base, w.pos);
  const roots = resolveNodes(nodes, []).filter(isElement);
  if (roots.length === 0) throw new Error("no root");
  return roots.map(toXml).join("");
}

describe("BinXML value types", () => {
  it.each(VALUES)("%s", (_name, type, data, want) => {
    const w = new Writer();
    w.raw([0x0f, 0x01, 0x01, 0x00]);
    w.instance(() => w.element("Data", () => w.sub(0, type)), [[type, data]]);
    w.u8(0x00);
    expect(render(w)).toBe(`<Data>${want}</Data>`);
  });
});

describe("BinXML array substitutions", () => {
  it("repeat an element they fill alone, attributes kept; elsewhere they read as one comma-separated value", () => {
    const w = new Writer();
    w.raw([0x0f, 0x01, 0x01, 0x00]);
    w.instance(() => w.element("EventData", () => {
      w.element("Data", () => w.sub(0, 0x81), [w.attr("Name", () => w.text("list"))]);
      w.element("Data", () => { w.text("ids: "); w.sub(1, 0x88); });
      w.element("Binary", () => w.sub(2, 0x0e));
    }), [[0x81, w16("sa\0 Reason: bad password\0 [CLIENT: 10.0.2.17]\0")], [0x88, [...le(7n, 4), ...le(9n, 4)]], [0x0e, [0xab]]]);
    w.u8(0x00);
    expect(render(w)).toBe(
      '<EventData><Data Name="list">sa</Data><Data Name="list"> Reason: bad password</Data><Data Name="list"> [CLIENT: 10.0.2.17]</Data>' +
        "<Data>ids: 7, 9</Data><Binary>AB</Binary></EventData>",
    );
  });
});

describe("BinXML tokens", () => {
  it("attributes, entity and char refs, CDATA, PI, optional null substitution, embedded BinXML", () => {
    const w = new Writer();
    w.raw([0x0f, 0x01, 0x01, 0x00]);
    w.instance(() => {
      w.element("Event", () => {
        w.open("Opt", [w.attr("Gone", () => w.sub(1, 0x01, true))]); w.u8(0x03);
        w.element("T", () => { w.text("a"); w.u8(0x09); w.name("amp"); w.u8(0x08); w.u16(0x41); w.text("b"); });
        w.element("C", () => { w.u8(0x07); w.u16(3); w.utf16("x<y"); });
        w.element("P", () => { w.u8(0x0a); w.name("target"); w.u8(0x0b); w.u16(4); w.utf16("data"); });
        w.element("Null", () => w.sub(1, 0x01));
        w.element("Nested", () => w.sub(2, 0x21));
      }, [w.attr("A", () => w.sub(0, 0x01))]);
    }, [[0x01, w16("v")], [0x00, []], [0x21, nestedFragment]]);
    w.u8(0x00);
    expect(render(w)).toBe(
      '<Event A="v"><Opt/><T>a&amp;Ab</T><C><![CDATA[x<y]]></C><P><?target data?></P><Null/>' +
      "<Nested><UserData><Z>42</Z></UserData></Nested></Event>",
    );

    // Embedded BinXML: fragment header + its own template instance. Offsets inside it are chunk
    // offsets, so it is assembled at the position it will occupy in the value data.
    function nestedFragment(at: number): number[] {
      const n = new Writer(at);
      n.raw([0x0f, 0x01, 0x01, 0x00]);
      n.instance(() => n.element("UserData", () => n.element("Z", () => n.sub(0, 0x08))), [[0x08, le(42n, 4)]]);
      n.u8(0x00);
      return n.bytes;
    }
  });
});

describe("BinXML template cache", () => {
  it("a second instance reuses the definition by offset with its own values", () => {
    const w = new Writer();
    const body = () => w.element("E", () => w.sub(0, 0x01));
    const starts: number[] = [];
    starts.push(w.pos); w.raw([0x0f, 0x01, 0x01, 0x00]);
    const def = w.instance(body, [[0x01, w16("first")]]); w.u8(0x00);
    starts.push(w.pos); w.raw([0x0f, 0x01, 0x01, 0x00]);
    w.instance(() => {}, [[0x01, w16("second")]], def); w.u8(0x00);
    const end = w.pos;
    const parser = new BinXmlParser(w.chunk());
    const out = [[starts[0], starts[1]], [starts[1], end]].map(([a, b]) => toXml(resolveNodes(parser.parseFragment(a, b), []).find(isElement)!));
    expect(out).toEqual(["<E>first</E>", "<E>second</E>"]);
  });

  it("rejects an unknown token with its offset instead of looping", () => {
    const w = new Writer();
    w.raw([0x0f, 0x01, 0x01, 0x00, 0x1f]);
    expect(() => new BinXmlParser(w.chunk()).parseFragment(w.base, w.pos)).toThrow(/unknown token 0x1f at chunk offset 516/);
  });
});
