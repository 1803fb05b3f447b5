/** Escapes regex syntax characters only (the `u` flag rejects needless escapes such as `\-`). */
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * EQL `:`/`like` wildcard → anchored regex. `*` = any run, `?` = one code point (Lucene counts code
 * points, hence the `u` flag); there is no escape for `*`/`?` in EQL patterns.
 */
export function wildcardToRegex(pattern: string, insensitive: boolean): RegExp {
  let body = "";
  for (const ch of pattern) {
    body += ch === "*" ? "[\\s\\S]*" : ch === "?" ? "[\\s\\S]" : escapeRegex(ch);
  }
  return new RegExp(`^${body}$`, insensitive ? "iu" : "u");
}

export const hasWildcard = (pattern: string) => pattern.includes("*") || pattern.includes("?");

const JS_CLASS_ESCAPES = new Set(["d", "D", "w", "W", "s", "S"]);

/**
 * Lucene regexps match the whole value and let `\` escape any character; JS (`u` mode) only allows
 * escaping syntax characters, so escapes are rewritten. Lucene's optional operators (`@ & ~ <n-m>`)
 * are treated as literals, which matches Lucene with those flags off.
 */
export function luceneRegex(pattern: string, insensitive: boolean): RegExp {
  let body = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c !== "\\" || i === pattern.length - 1) {
      body += c;
      continue;
    }
    const next = pattern[++i];
    body += JS_CLASS_ESCAPES.has(next) ? `\\${next}` : /[A-Za-z0-9]/.test(next) ? next : escapeRegex(next) === next ? escapeLiteral(next) : `\\${next}`;
  }
  return new RegExp(`^(?:${body})$`, insensitive ? "isu" : "su");
}

/** Characters that are not regex syntax but may be special inside a class (`-`) are written as \u{…}. */
const escapeLiteral = (c: string) => (c === "-" || c === "/" ? `\\u{${c.codePointAt(0)!.toString(16)}}` : c);
