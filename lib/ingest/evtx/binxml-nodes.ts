/** Parsed BinXML before substitution: what a template definition compiles to. */
export type TemplateNode =
  | { kind: "element"; name: string; attrs: TemplateAttr[]; children: TemplateNode[] }
  | { kind: "text"; text: string }
  | { kind: "sub"; index: number; optional: boolean }
  | { kind: "cdata"; text: string }
  | { kind: "pi"; target: string; data: string }
  /** Nested template instance (a record body, or BinXML carried by a substitution value). */
  | { kind: "instance"; template: TemplateNode[]; values: SubValue[] };

export type TemplateAttr = { name: string; value: TemplateNode[] };

/** A substitution value, decoded; `xml` holds embedded BinXML (value type 0x21). */
export type SubValue =
  | { type: number; text: string | null; list?: string[] }
  | { type: number; xml: TemplateNode[] };

