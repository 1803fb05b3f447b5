import { isElement, textOf, type XmlElement } from "@/lib/ingest/win-event/xml-element";

/**
 * A Windows event record in the shape of its XML: `System` as nested objects (an element with
 * attributes becomes an object, its text under "#text"), `EventData` as Name → value.
 */
export type WinEvent = {
  System: Record<string, unknown>;
  EventData?: Record<string, string>;
  UserData?: Record<string, unknown>;
  RenderingInfo?: Record<string, unknown>;
};

/** Generic element → JSON: text-only becomes a string, repeated child names become arrays. */
export function elementToValue(el: XmlElement): unknown {
  const kids = el.children.filter(isElement);
  const hasAttrs = Object.keys(el.attrs).length > 0;
  if (kids.length === 0) {
    const text = textOf(el);
    if (!hasAttrs) return text;
    return text === "" ? { ...el.attrs } : { ...el.attrs, "#text": text };
  }
  const out: Record<string, unknown> = { ...el.attrs };
  for (const kid of kids) {
    const value = elementToValue(kid);
    const prev = out[kid.name];
    if (prev === undefined) out[kid.name] = value;
    else out[kid.name] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** Unnamed `<Data>` elements get `paramN` keys, as Winlogbeat names them in `winlog.event_data`. */
export function eventDataToRecord(el: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  let unnamed = 0;
  for (const kid of el.children) {
    if (!isElement(kid)) continue;
    const key = kid.name === "Data" ? (kid.attrs.Name ?? `param${++unnamed}`) : kid.name;
    out[key] = textOf(kid);
  }
  return out;
}

export function toWinEvent(root: XmlElement): WinEvent {
  const event: WinEvent = { System: {} };
  for (const kid of root.children) {
    if (!isElement(kid)) continue;
    if (kid.name === "System") event.System = asRecord(elementToValue(kid));
    else if (kid.name === "EventData") event.EventData = eventDataToRecord(kid);
    else if (kid.name === "UserData") event.UserData = asRecord(elementToValue(kid));
    else if (kid.name === "RenderingInfo") event.RenderingInfo = asRecord(elementToValue(kid));
  }
  return event;
}

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Text of a System field whether it is a bare string or an object with "#text". */
export function systemText(event: WinEvent, key: string): string | undefined {
  const v = event.System[key];
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "#text" in v) return String((v as Record<string, unknown>)["#text"]);
  return undefined;
}

export function systemAttr(event: WinEvent, key: string, attr: string): string | undefined {
  const v = event.System[key];
  if (v && typeof v === "object" && attr in v) return String((v as Record<string, unknown>)[attr]);
  return undefined;
}
