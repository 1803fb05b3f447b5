/** A Windows event as a small DOM; both the EVTX and the XML readers produce this. */
export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlChild[] };
export type XmlChild = XmlElement | string | { cdata: string } | { pi: string; data: string };

export function isElement(c: XmlChild): c is XmlElement {
  return typeof c === "object" && "name" in c;
}

export function textOf(el: XmlElement): string {
  let s = "";
  for (const c of el.children) {
    if (typeof c === "string") s += c;
    else if ("cdata" in c) s += c.cdata;
  }
  return s;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;");

/** Serialises to XML the way Event Viewer shows a record (no pretty-printing). */
export function toXml(el: XmlElement): string {
  let s = `<${el.name}`;
  for (const [k, v] of Object.entries(el.attrs)) s += ` ${k}="${escapeAttr(v)}"`;
  if (el.children.length === 0) return `${s}/>`;
  s += ">";
  for (const c of el.children) {
    if (typeof c === "string") s += escapeText(c);
    else if ("cdata" in c) s += `<![CDATA[${c.cdata.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
    else if ("pi" in c) s += `<?${c.pi} ${c.data}?>`;
    else s += toXml(c);
  }
  return `${s}</${el.name}>`;
}
