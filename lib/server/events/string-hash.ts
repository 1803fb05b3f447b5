const pair = new Uint32Array(2);

/**
 * Two 32-bit hashes of a string in one pass (FNV-1a and a multiply-xorshift), for double hashing.
 * Returns a shared array: read both values before the next call.
 */
export function hashPair(text: string): Uint32Array {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  pair[0] = a;
  pair[1] = b | 1;
  return pair;
}
