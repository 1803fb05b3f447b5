const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

/** What the ingest pipeline's `convert: ip` accepts: dotted-quad IPv4 or RFC 4291 IPv6 text. */
export function isIpAddress(v: string): boolean {
  if (IPV4.test(v)) return true;
  if (!v.includes(":")) return false;
  const halves = v.split("::");
  if (halves.length > 2) return false;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const parts = halves.flatMap(groups);
  let width = parts.length;
  const last = parts[parts.length - 1];
  if (last !== undefined && last.includes(".")) {
    if (!IPV4.test(last)) return false;
    parts.pop();
    width += 1; // an embedded IPv4 address fills two 16-bit groups
  }
  if (!parts.every((p) => HEXTET.test(p))) return false;
  return halves.length === 2 ? width <= 7 : width === 8;
}
