import type { Expr, FieldRef, Literal } from "@/lib/detection/eql/ast";
import { fieldAccessor } from "@/lib/detection/eql/field-accessor";
import { FUNCTIONS } from "@/lib/detection/eql/functions";
import { compileMatcher, compileScriptCompare, isLiteral, literalOf } from "@/lib/detection/eql/compile-predicates";
import { EqlSyntaxError } from "@/lib/detection/eql/syntax-error";
import type { EcsEvent } from "@/lib/ecs/event";

export type Predicate = (event: EcsEvent) => boolean;
type ValueFn = (event: EcsEvent) => unknown;

/**
 * `query` nodes follow Query DSL semantics (missing field ⇒ false, `not` ⇒ must_not ⇒ true);
 * `script` leaves are null-propagating like ES script queries, so `not` over null stays false.
 */
type Cond = { kind: "query"; test: Predicate } | { kind: "script"; tri: (event: EcsEvent) => boolean | null };

const PUSHABLE_FUNCTIONS = new Set(["startswith", "endswith", "stringcontains", "cidrmatch"]);

export function compileCondition(expr: Expr): Predicate {
  return toPredicate(compileCond(expr));
}

function toPredicate(cond: Cond): Predicate {
  if (cond.kind === "query") return cond.test;
  const tri = cond.tri;
  return (e) => tri(e) === true;
}

function compileCond(expr: Expr): Cond {
  switch (expr.kind) {
    case "and": {
      const [a, b] = [compileCondition(expr.left), compileCondition(expr.right)];
      return { kind: "query", test: (e) => a(e) && b(e) };
    }
    case "or": {
      const [a, b] = [compileCondition(expr.left), compileCondition(expr.right)];
      return { kind: "query", test: (e) => a(e) || b(e) };
    }
    case "not": {
      const inner = compileCond(expr.operand);
      if (inner.kind === "query") {
        const t = inner.test;
        return { kind: "query", test: (e) => !t(e) };
      }
      const tri = inner.tri;
      return { kind: "script", tri: (e) => { const v = tri(e); return v === null ? null : !v; } };
    }
    case "literal":
      if (typeof expr.value !== "boolean") fail(expr, `expected a boolean condition, found ${JSON.stringify(expr.value)}`);
      return { kind: "query", test: expr.value ? () => true : () => false };
    case "field": {
      const get = fieldAccessor(expr.path);
      return { kind: "query", test: (e) => anyTrue(get(e)) };
    }
    case "compare":
    case "match":
    case "in":
      if (expr.left.kind === "field" && (expr.kind === "compare" ? isLiteral(expr.right) : (expr.kind === "match" ? expr.patterns : expr.list).every(isLiteral))) {
        return { kind: "query", test: compileMatcher(expr, fieldAccessor(expr.left.path)) };
      }
      return scriptLeaf(expr);
    case "call":
      if (PUSHABLE_FUNCTIONS.has(expr.name.toLowerCase()) && expr.args[0]?.kind === "field" && expr.args.slice(1).every(isLiteral)) {
        const fn = compileValue(expr);
        return { kind: "query", test: (e) => fn(e) === true };
      }
      return scriptLeaf(expr);
    default:
      return scriptLeaf(expr);
  }
}

function scriptLeaf(expr: Expr): Cond {
  const value = compileValue(expr);
  return { kind: "script", tri: (e) => { const v = value(e); return typeof v === "boolean" ? v : null; } };
}

const anyTrue = (v: unknown) => (Array.isArray(v) ? v.includes(true) : v === true);

/** Null-propagating value evaluation used inside script-like expressions. */
export function compileValue(expr: Expr): ValueFn {
  switch (expr.kind) {
    case "literal": {
      const v = expr.value;
      return () => v;
    }
    case "field": {
      const get = fieldAccessor(expr.path);
      return (e) => get(e) ?? null;
    }
    case "and":
    case "or":
    case "not": {
      const c = compileCond(expr);
      return c.kind === "query" ? c.test : c.tri;
    }
    case "compare":
    case "match":
    case "in":
      return compileScriptCompare(expr, compileValue);
    case "arith":
    case "negate":
      return compileArithmetic(expr);
    case "call":
      return compileCall(expr);
  }
}

function compileArithmetic(expr: Extract<Expr, { kind: "arith" | "negate" }>): ValueFn {
  if (expr.kind === "negate") {
    const v = compileValue(expr.operand);
    return (e) => { const x = v(e); return typeof x === "number" ? -x : null; };
  }
  const name = { "+": "add", "-": "subtract", "*": "multiply", "/": "divide", "%": "modulo" }[expr.op];
  return compileCall({ kind: "call", name, insensitive: false, args: [expr.left, expr.right], pos: expr.pos });
}

function compileCall(expr: Extract<Expr, { kind: "call" }>): ValueFn {
  const fn = FUNCTIONS[expr.name.toLowerCase()];
  if (!fn) fail(expr, `expected a known function (startsWith, endsWith, stringContains, string, length, cidrMatch, concat, substring, number, add, subtract, multiply, divide, modulo, between, indexOf), found '${expr.name}'`);
  if (expr.insensitive && !fn.caseVariant) fail(expr, `expected a function with a case-insensitive variant, found '${expr.name}~'`);
  if (expr.args.length < fn.min || expr.args.length > fn.max) {
    fail(expr, `expected ${fn.min === fn.max ? fn.min : `${fn.min} to ${fn.max === Infinity ? "any number of" : fn.max}`} arguments for ${expr.name}, found ${expr.args.length}`);
  }
  if (expr.name.toLowerCase() === "cidrmatch") {
    for (const a of expr.args.slice(1)) if (!isLiteral(a) || typeof literalOf(a) !== "string") fail(a, "expected a CIDR string literal");
  }
  const args = expr.args.map(compileValue);
  const ci = expr.insensitive;
  const apply = fn.apply;
  if (args.length === 2) {
    const [a, b] = args;
    return (e) => apply([a(e), b(e)], ci);
  }
  return (e) => apply(args.map((a) => a(e)), ci);
}

function fail(at: { pos: { line: number; column: number } }, message: string): never {
  throw new EqlSyntaxError(message, at.pos.line, at.pos.column);
}

export type { FieldRef, Literal };
