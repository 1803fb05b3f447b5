/** Parses IPv4/IPv6 text into [bits, value]; null when the text is not an address. */
export function parseIp(text: string): [number, bigint] | null {
  if (text.includes(":")) return parseIpv6(text);
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    value = (value << 8n) | BigInt(Number(p));
  }
  return [32, value];
}

function parseIpv6(text: string): [number, bigint] | null {
  const zone = text.indexOf("%");
  const addr = zone === -1 ? text : text.slice(0, zone);
  const halves = addr.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const expandV4 = (list: string[]) => {
    const last = list[list.length - 1];
    if (last?.includes(".")) {
      const v4 = parseIp(last);
      if (!v4) return null;
      list.splice(-1, 1, ((v4[1] >> 16n) & 0xffffn).toString(16), (v4[1] & 0xffffn).toString(16));
    }
    return list;
  };
  const h = halves.length === 2 ? head : expandV4(head);
  const t = halves.length === 2 ? expandV4(tail) : [];
  if (!h || !t) return null;
  const missing = 8 - h.length - t.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null;
  let value = 0n;
  for (const g of [...h, ...Array<string>(missing).fill("0"), ...t]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    value = (value << 16n) | BigInt(Number.parseInt(g, 16));
  }
  return [128, value];
}

export type CidrBlock = { bits: number; prefix: number; network: bigint };

export function parseCidr(text: string): CidrBlock | null {
  const slash = text.indexOf("/");
  const ip = parseIp(slash === -1 ? text : text.slice(0, slash));
  if (!ip) return null;
  const prefix = slash === -1 ? ip[0] : Number(text.slice(slash + 1));
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > ip[0]) return null;
  return { bits: ip[0], prefix, network: ip[1] >> BigInt(ip[0] - prefix) };
}

export function inCidr(ipText: string, block: CidrBlock): boolean {
  const ip = parseIp(ipText);
  if (!ip || ip[0] !== block.bits) return false;
  return ip[1] >> BigInt(block.bits - block.prefix) === block.network;
}
