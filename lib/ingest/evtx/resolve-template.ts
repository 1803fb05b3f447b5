import type { SubValue, TemplateNode } from "@/lib/ingest/evtx/binxml-nodes";
import type { XmlChild } from "@/lib/ingest/win-event/xml-element";

/** Applies substitution values to parsed BinXML, producing plain elements and strings. */
export function resolveNodes(nodes: TemplateNode[], values: SubValue[], out: XmlChild[] = []): XmlChild[] {
  for (const node of nodes) {
    switch (node.kind) {
      case "element": {
        if (node.name === "") { resolveNodes(node.children, values, out); break; }
        const attrs: Record<string, string> = {};
        for (const attr of node.attrs) {
          const parts = resolveNodes(attr.value, values);
          // An attribute fed only by an empty optional substitution is left out, as Windows does.
          if (parts.length === 0 && attr.value.some((v) => v.kind === "sub" && v.optional)) continue;
          attrs[attr.name] = parts.filter((p): p is string => typeof p === "string").join("");
        }
        // An element holding only an array substitution is repeated once per item, as Windows renders
        // it (and libevtx): a classic event's string array becomes several <Data>, hence param1..N.
        const only = node.children.length === 1 && node.children[0].kind === "sub" ? values[node.children[0].index] : undefined;
        if (only && "list" in only && only.list) {
          for (const item of only.list) out.push({ name: node.name, attrs: { ...attrs }, children: item === "" ? [] : [item] });
          break;
        }
        out.push({ name: node.name, attrs, children: mergeText(resolveNodes(node.children, values)) });
        break;
      }
      case "text": out.push(node.text); break;
      case "cdata": out.push({ cdata: node.text }); break;
      case "pi": out.push({ pi: node.target, data: node.data }); break;
      case "instance": resolveNodes(node.template, node.values, out); break;
      case "sub": {
        const value = values[node.index];
        if (!value) break;
        if ("xml" in value) resolveNodes(value.xml, [], out);
        else if (value.text !== null && value.text !== "") out.push(value.text);
        break;
      }
    }
  }
  return out;
}

function mergeText(children: XmlChild[]): XmlChild[] {
  if (children.length < 2) return children;
  const out: XmlChild[] = [];
  for (const c of children) {
    const last = out[out.length - 1];
    if (typeof c === "string" && typeof last === "string") out[out.length - 1] = last + c;
    else out.push(c);
  }
  return out;
}
