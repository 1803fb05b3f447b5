import { u16, u32, utf16At } from "@/lib/ingest/evtx/bytes";
import type { SubValue, TemplateAttr, TemplateNode } from "@/lib/ingest/evtx/binxml-nodes";
import { decodeValue } from "@/lib/ingest/evtx/value-types";

const T = {
  EOF: 0x00, OPEN: 0x01, CLOSE_START: 0x02, CLOSE_EMPTY: 0x03, END: 0x04, VALUE: 0x05, ATTR: 0x06,
  CDATA: 0x07, CHARREF: 0x08, ENTITYREF: 0x09, PI_TARGET: 0x0a, PI_DATA: 0x0b, TEMPLATE: 0x0c,
  NORMAL_SUB: 0x0d, OPTIONAL_SUB: 0x0e, FRAGMENT: 0x0f,
} as const;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Parses BinXML inside one chunk. Names and template definitions are referenced by chunk offset
 * and shared by the chunk's records, so both are cached per chunk (one parser per chunk).
 */
export class BinXmlParser {
  private readonly names = new Map<number, string>();
  private readonly templates = new Map<number, TemplateNode[]>();
  private p = 0;

  constructor(private readonly b: Uint8Array) {}

  /** Parses a fragment (record body or embedded BinXML) in `[start, end)`. */
  parseFragment(start: number, end: number): TemplateNode[] {
    this.p = start;
    return this.parseNodes(end, false);
  }

  private fail(what: string): never {
    throw new Error(`BinXML: ${what} at chunk offset ${this.p}`);
  }

  private parseNodes(end: number, inElement: boolean): TemplateNode[] {
    const out: TemplateNode[] = [];
    while (this.p < end) {
      const token = this.b[this.p];
      const base = token & 0xbf;
      if (base === T.EOF) { this.p++; break; }
      // Fragment headers (version bytes) only open a stream; the content follows in the same sequence.
      if (base === T.FRAGMENT) { this.p += 4; continue; }
      if (base === T.END) {
        if (!inElement) this.fail("unexpected end element");
        this.p++;
        return out;
      }
      out.push(this.parseNode(token, end));
    }
    if (inElement) this.fail("element not closed");
    return out;
  }

  private parseNode(token: number, end: number): TemplateNode {
    const b = this.b;
    switch (token & 0xbf) {
      case T.OPEN: return this.parseElement(token, end);
      case T.VALUE: {
        const chars = u16(b, this.p + 2);
        const text = utf16At(b, this.p + 4, chars);
        this.p += 4 + chars * 2;
        return { kind: "text", text };
      }
      case T.CDATA: {
        const chars = u16(b, this.p + 1);
        const text = utf16At(b, this.p + 3, chars);
        this.p += 3 + chars * 2;
        return { kind: "cdata", text };
      }
      case T.CHARREF: {
        const code = u16(b, this.p + 1);
        this.p += 3;
        return { kind: "text", text: String.fromCharCode(code) };
      }
      case T.ENTITYREF: {
        const name = this.nameAt(u32(b, this.p + 1), this.p + 5);
        return { kind: "text", text: ENTITIES[name] ?? `&${name};` };
      }
      case T.PI_TARGET: {
        const target = this.nameAt(u32(b, this.p + 1), this.p + 5);
        if ((b[this.p] & 0xbf) !== T.PI_DATA) this.fail("PI target without data");
        const chars = u16(b, this.p + 1);
        const data = utf16At(b, this.p + 3, chars);
        this.p += 3 + chars * 2;
        return { kind: "pi", target, data };
      }
      case T.NORMAL_SUB:
      case T.OPTIONAL_SUB: {
        const index = u16(b, this.p + 1);
        const optional = (token & 0xbf) === T.OPTIONAL_SUB;
        this.p += 4;
        return { kind: "sub", index, optional };
      }
      case T.TEMPLATE: return this.parseTemplateInstance();
      default: this.fail(`unknown token 0x${token.toString(16)}`);
    }
  }

  private parseElement(token: number, end: number): TemplateNode {
    const b = this.b;
    // token, u16 dependency id, u32 data size, u32 name offset
    const name = this.nameAt(u32(b, this.p + 7), this.p + 11);
    if (token & 0x40) this.p += 4; // attribute list size: the attribute tokens delimit themselves
    const attrs: TemplateAttr[] = [];
    while ((b[this.p] & 0xbf) === T.ATTR) {
      const attrName = this.nameAt(u32(b, this.p + 1), this.p + 5);
      attrs.push({ name: attrName, value: this.parseAttrValue(end) });
    }
    const close = b[this.p++];
    if (close === T.CLOSE_EMPTY) return { kind: "element", name, attrs, children: [] };
    if (close !== T.CLOSE_START) { this.p--; this.fail(`bad element close token 0x${close.toString(16)}`); }
    return { kind: "element", name, attrs, children: this.parseNodes(end, true) };
  }

  private parseAttrValue(end: number): TemplateNode[] {
    const value: TemplateNode[] = [];
    for (;;) {
      const base = this.b[this.p] & 0xbf;
      if (base !== T.VALUE && base !== T.NORMAL_SUB && base !== T.OPTIONAL_SUB && base !== T.CHARREF && base !== T.ENTITYREF) break;
      value.push(this.parseNode(this.b[this.p], end));
    }
    return value;
  }

  /** Reads a name referenced by chunk offset; when it is defined inline (offset == here) skips it. */
  private nameAt(offset: number, here: number): string {
    this.p = here;
    let name = this.names.get(offset);
    if (name === undefined) {
      if (offset + 8 > this.b.length) this.fail("name offset out of chunk");
      name = utf16At(this.b, offset + 8, u16(this.b, offset + 6));
      this.names.set(offset, name);
    }
    if (offset === here) this.p = here + 10 + name.length * 2;
    return name;
  }

  private parseTemplateInstance(): TemplateNode {
    const b = this.b;
    const defOffset = u32(b, this.p + 6);
    this.p += 10;
    let template = this.templates.get(defOffset);
    if (defOffset === this.p) {
      const size = u32(b, this.p + 20);
      if (!template) template = this.parseTemplateDefinition(defOffset);
      this.p = defOffset + 24 + size;
    } else if (!template) {
      const resume = this.p;
      template = this.parseTemplateDefinition(defOffset);
      this.p = resume;
    }
    return { kind: "instance", template, values: this.parseValues() };
  }

  private parseTemplateDefinition(offset: number): TemplateNode[] {
    const size = u32(this.b, offset + 20);
    const start = offset + 24;
    if (start + size > this.b.length) this.fail("template definition out of chunk");
    this.p = start;
    const nodes = this.parseNodes(start + size, false);
    this.templates.set(offset, nodes);
    return nodes;
  }

  private parseValues(): SubValue[] {
    const b = this.b;
    const count = u32(b, this.p);
    if (count > 4096) this.fail(`implausible substitution count ${count}`);
    let desc = this.p + 4;
    let data = desc + count * 4;
    if (data > b.length) this.fail("substitution table out of chunk");
    const values: SubValue[] = new Array(count);
    for (let i = 0; i < count; i++, desc += 4) {
      const size = u16(b, desc);
      const type = b[desc + 2];
      if (data + size > b.length) this.fail("substitution value out of chunk");
      values[i] = type === 0x21
        ? { type, xml: this.parseFragment(data, data + size) }
        : decodeValue(b, data, size, type);
      data += size;
    }
    this.p = data;
    return values;
  }
}
