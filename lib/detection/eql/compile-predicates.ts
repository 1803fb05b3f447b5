import type { Expr, Literal } from "@/lib/detection/eql/ast";
import type { Accessor } from "@/lib/detection/eql/field-accessor";
import { hasWildcard, luceneRegex, wildcardToRegex } from "@/lib/detection/eql/patterns";
import { EqlSyntaxError } from "@/lib/detection/eql/syntax-error";
import { asText, compareValues, equalsIgnoreCase, termEquals } from "@/lib/detection/eql/term-values";
import type { EcsEvent } from "@/lib/ecs/event";

type Leaf = Extract<Expr, { kind: "compare" | "match" | "in" }>;
type ElementTest = (value: unknown) => boolean;

export const isLiteral = (e: Expr) => e.kind === "literal";
export const literalOf = (e: Expr): Literal => (e.kind === "literal" ? e.value : null);

/** field-vs-constants leaf as a Query DSL query: true if ANY array element matches; missing ⇒ false. */
export function compileMatcher(expr: Leaf, get: Accessor): (event: EcsEvent) => boolean {
  if (expr.kind === "compare" && literalOf(expr.right) === null) {
    if (expr.op !== "==" && expr.op !== "!=") return () => false;
    const wantMissing = expr.op === "==";
    return (e) => isMissing(get(e)) === wantMissing;
  }
  const negate = (expr.kind === "compare" && expr.op === "!=") || (expr.kind === "in" && expr.negated);
  const test = elementTest(expr);
  const any = (e: EcsEvent) => {
    const v = get(e);
    if (v === null || v === undefined) return false;
    if (!Array.isArray(v)) return test(v);
    for (let i = 0; i < v.length; i++) if (v[i] !== null && test(v[i])) return true;
    return false;
  };
  return negate ? (e) => !any(e) : any;
}

const isMissing = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.every((x) => x === null));

function elementTest(expr: Leaf): ElementTest {
  if (expr.kind === "compare") {
    const lit = literalOf(expr.right);
    switch (expr.op) {
      case "==":
      case "!=":
        return (v) => termEquals(v, lit);
      case "<":
        return (v) => { const c = compareValues(v, lit); return c !== null && c < 0; };
      case "<=":
        return (v) => { const c = compareValues(v, lit); return c !== null && c <= 0; };
      case ">":
        return (v) => { const c = compareValues(v, lit); return c !== null && c > 0; };
      case ">=":
        return (v) => { const c = compareValues(v, lit); return c !== null && c >= 0; };
    }
  }
  if (expr.kind === "in") {
    const list = expr.list.map(literalOf);
    if (!expr.insensitive) return (v) => list.some((lit) => termEquals(v, lit));
    const lowered = new Set(list.map((l) => asText(l)?.toLowerCase()));
    return (v) => { const s = asText(v); return s !== null && lowered.has(s.toLowerCase()); };
  }
  return patternTest(expr);
}

/** `:` / like / regex with a list of constants (OR). Exact patterns become a Set, wildcards one regex. */
function patternTest(expr: Extract<Leaf, { kind: "match" }>): ElementTest {
  const patterns = expr.patterns.map((p) => {
    const text = asText(literalOf(p));
    if (text === null) throw new EqlSyntaxError(`expected a string pattern, found ${JSON.stringify(literalOf(p))}`, p.pos.line, p.pos.column);
    return { text, pos: p.pos };
  });
  const insensitive = expr.op === ":" || expr.op.endsWith("~");
  if (expr.op.startsWith("regex")) {
    const regexes = patterns.map(({ text, pos }) => {
      try {
        return luceneRegex(text, insensitive);
      } catch (error) {
        throw new EqlSyntaxError(`expected a valid regular expression, found ${JSON.stringify(text)} (${(error as Error).message})`, pos.line, pos.column);
      }
    });
    return (v) => { const s = asText(v); return s !== null && regexes.some((r) => r.test(s)); };
  }
  const exact = patterns.filter((p) => !hasWildcard(p.text)).map((p) => (insensitive ? p.text.toLowerCase() : p.text));
  const wild = patterns.filter((p) => hasWildcard(p.text)).map((p) => wildcardToRegex(p.text, insensitive).source.slice(1, -1));
  const regex = wild.length ? new RegExp(`^(?:${wild.join("|")})$`, insensitive ? "iu" : "u") : null;
  const exactTest = exactMatcher(exact, insensitive);
  if (!regex) return (v) => { const s = asText(v); return s !== null && exactTest(s); };
  return (v) => { const s = asText(v); return s !== null && (exactTest(s) || regex.test(s)); };
}

function exactMatcher(exact: string[], insensitive: boolean): (s: string) => boolean {
  if (exact.length === 0) return () => false;
  if (exact.length === 1) {
    const only = exact[0];
    return insensitive ? (s) => equalsIgnoreCase(s, only) : (s) => s === only;
  }
  const set = new Set(exact);
  return insensitive ? (s) => set.has(s.toLowerCase()) : (s) => set.has(s);
}

/** Script-context comparison (non-field left side or field operands on the right): null propagates. */
export function compileScriptCompare(expr: Leaf, compileValue: (e: Expr) => (event: EcsEvent) => unknown): (event: EcsEvent) => unknown {
  const left = compileValue(expr.left);
  const rights = (expr.kind === "compare" ? [expr.right] : expr.kind === "match" ? expr.patterns : expr.list).map(compileValue);
  const allLiteral = (expr.kind === "compare" ? [expr.right] : expr.kind === "match" ? expr.patterns : expr.list).every(isLiteral);
  if (allLiteral) {
    const matcher = compileMatcher(expr, left);
    return (e) => (isMissing(left(e)) ? null : matcher(e));
  }
  return (e) => {
    const l = left(e);
    if (isMissing(l)) return null;
    const values = rights.map((r) => r(e));
    if (values.some((v) => v === null || Array.isArray(v))) return null;
    const synthetic = { ...expr, ...(expr.kind === "compare" ? { right: lit(values[0]) } : expr.kind === "match" ? { patterns: values.map(lit) } : { list: values.map(lit) }) } as Leaf;
    return compileMatcher(synthetic, () => l)(e);
  };
}

const lit = (v: unknown): Expr => ({ kind: "literal", value: v as Literal, pos: { offset: 0, line: 0, column: 0 } });
