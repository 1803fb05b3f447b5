import { inCidr, parseCidr } from "@/lib/detection/eql/ip-cidr";
import { asText } from "@/lib/detection/eql/term-values";

/** A function over already-evaluated arguments; null in → null out, like Elasticsearch's null-safe functions. */
export type EqlFunction = { min: number; max: number; caseVariant: boolean; apply: (args: unknown[], insensitive: boolean) => unknown };

const text = (v: unknown) => asText(Array.isArray(v) ? v[0] : v);
const num = (v: unknown) => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === "number" ? x : null;
};
const fold = (s: string, insensitive: boolean) => (insensitive ? s.toLowerCase() : s);

/** Array-valued first argument matches when any element does (these are prefix/wildcard/term queries in ES). */
function anyElement(source: unknown, test: (s: string) => boolean): boolean | null {
  const values = Array.isArray(source) ? source : [source];
  let seen = false;
  for (const v of values) {
    const s = asText(v);
    if (s === null) continue;
    seen = true;
    if (test(s)) return true;
  }
  return seen ? false : null;
}

function stringPredicate(test: (s: string, arg: string) => boolean): EqlFunction {
  return {
    min: 2,
    max: 2,
    caseVariant: true,
    apply: ([source, arg], ci) => {
      const a = text(arg);
      if (a === null) return null;
      const needle = fold(a, ci);
      return anyElement(source, (s) => test(fold(s, ci), needle));
    },
  };
}

function arithmetic(op: (a: number, b: number) => number | null): EqlFunction {
  return {
    min: 2,
    max: 2,
    caseVariant: false,
    apply: ([a, b]) => {
      const x = num(a);
      const y = num(b);
      return x === null || y === null ? null : op(x, y);
    },
  };
}

const intDivide = (a: number, b: number) => (b === 0 ? null : Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b);

export const FUNCTIONS: Record<string, EqlFunction> = {
  startswith: stringPredicate((s, p) => s.startsWith(p)),
  endswith: stringPredicate((s, p) => s.endsWith(p)),
  stringcontains: stringPredicate((s, p) => s.includes(p)),
  string: { min: 1, max: 1, caseVariant: false, apply: ([v]) => text(v) },
  length: { min: 1, max: 1, caseVariant: false, apply: ([s]) => text(s)?.length ?? null },
  cidrmatch: {
    min: 2,
    max: Number.POSITIVE_INFINITY,
    caseVariant: false,
    apply: ([source, ...blocks]) => {
      const parsed = blocks.map((b) => parseCidr(String(b)));
      return anyElement(source, (ip) => parsed.some((block) => block !== null && inCidr(ip, block)));
    },
  },
  concat: {
    min: 1,
    max: Number.POSITIVE_INFINITY,
    caseVariant: false,
    apply: (args) => {
      let out = "";
      for (const a of args) {
        const s = text(a);
        if (s === null) return null;
        out += s;
      }
      return out;
    },
  },
  substring: {
    min: 2,
    max: 3,
    caseVariant: false,
    apply: ([s, start, end]) => {
      const str = text(s);
      const from = num(start);
      if (str === null || from === null) return null;
      const to = end === undefined || end === null ? undefined : num(end);
      if (to === null) return null;
      return str.slice(from, to);
    },
  },
  number: {
    min: 1,
    max: 2,
    caseVariant: false,
    apply: ([s, base]) => {
      const str = text(s);
      if (str === null) return null;
      const radix = base === undefined ? 10 : num(base);
      if (radix === null) return null;
      if (radix === 10 || (radix === 16 && !/^(0x)?[0-9a-f]+$/i.test(str))) {
        const n = Number(str);
        return str.trim() === "" || Number.isNaN(n) ? null : n;
      }
      const n = Number.parseInt(str, radix);
      return Number.isNaN(n) ? null : n;
    },
  },
  add: arithmetic((a, b) => a + b),
  subtract: arithmetic((a, b) => a - b),
  multiply: arithmetic((a, b) => a * b),
  divide: arithmetic(intDivide),
  modulo: arithmetic((a, b) => (b === 0 ? null : a % b)),
  between: {
    min: 3,
    max: 4,
    caseVariant: true,
    apply: ([s, left, right, greedy], ci) => {
      const [str, l, r] = [text(s), text(left), text(right)];
      if (str === null || l === null || r === null) return null;
      const hay = fold(str, ci);
      const start = hay.indexOf(fold(l, ci));
      if (start === -1) return "";
      const from = start + l.length;
      const end = greedy === true ? hay.lastIndexOf(fold(r, ci)) : hay.indexOf(fold(r, ci), from);
      return end === -1 || end < from ? "" : str.slice(from, end);
    },
  },
  indexof: {
    min: 2,
    max: 3,
    caseVariant: true,
    apply: ([s, sub, start], ci) => {
      const [str, needle] = [text(s), text(sub)];
      if (str === null || needle === null) return null;
      const from = start === undefined || start === null ? 0 : num(start);
      if (from === null) return null;
      const at = fold(str, ci).indexOf(fold(needle, ci), Math.max(0, from));
      return at === -1 ? null : at;
    },
  },
};
