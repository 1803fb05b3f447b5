import type { CompareOperator, Expr, FieldRef, MatchOperator } from "@/lib/detection/eql/ast";
import type { TokenStream } from "@/lib/detection/eql/token-stream";

// Words that end or join expressions; they can never be bare field names.
const RESERVED = new Set(["and", "or", "not", "in", "in~", "like", "like~", "regex", "regex~", "where", "by", "with", "until", "sequence", "sample", "join", "of", "true", "false", "null"]);
const COMPARE = new Set(["==", "!=", "<", "<=", ">", ">="]);
const MATCH_WORDS = new Set(["like", "like~", "regex", "regex~"]);

/** Precedence climbing: or < and < not < comparison/predicate < + - < * / % < unary < primary. */
export function parseExpression(ts: TokenStream): Expr {
  let left = parseAnd(ts);
  while (ts.isWord("or")) {
    const pos = ts.next().pos;
    left = { kind: "or", left, right: parseAnd(ts), pos };
  }
  return left;
}

function parseAnd(ts: TokenStream): Expr {
  let left = parseNot(ts);
  while (ts.isWord("and")) {
    const pos = ts.next().pos;
    left = { kind: "and", left, right: parseNot(ts), pos };
  }
  return left;
}

function parseNot(ts: TokenStream): Expr {
  if (ts.isWord("not")) {
    const pos = ts.next().pos;
    return { kind: "not", operand: parseNot(ts), pos };
  }
  return parseComparison(ts);
}

function parseComparison(ts: TokenStream): Expr {
  const left = parseAdditive(ts);
  const t = ts.peek();
  if (t.kind === "punct" && COMPARE.has(t.text)) {
    ts.next();
    return { kind: "compare", op: t.text as CompareOperator, left, right: parseAdditive(ts), pos: t.pos };
  }
  if (t.kind === "punct" && t.text === ":") {
    ts.next();
    return { kind: "match", op: ":", left, patterns: parseConstantOrList(ts), pos: t.pos };
  }
  if (t.kind === "word" && MATCH_WORDS.has(t.text)) {
    ts.next();
    return { kind: "match", op: t.text as MatchOperator, left, patterns: parseConstantOrList(ts), pos: t.pos };
  }
  const negated = t.kind === "word" && t.text === "not" && (ts.isWord("in", 1) || ts.isWord("in~", 1));
  if (negated) ts.next();
  if (ts.isWord("in") || ts.isWord("in~")) {
    const kw = ts.next();
    return { kind: "in", left, list: parseList(ts, () => parseExpression(ts)), insensitive: kw.text === "in~", negated, pos: kw.pos };
  }
  return left;
}

function parseConstantOrList(ts: TokenStream): Expr[] {
  if (ts.isPunct("(")) return parseList(ts, () => parseConstant(ts));
  return [parseConstant(ts)];
}

function parseList(ts: TokenStream, item: () => Expr): Expr[] {
  ts.expectPunct("(");
  const items = [item()];
  while (ts.acceptPunct(",")) items.push(item());
  ts.expectPunct(")");
  return items;
}

function parseConstant(ts: TokenStream): Expr {
  const t = ts.peek();
  if (t.kind === "string" || t.kind === "number") {
    ts.next();
    return { kind: "literal", value: t.value, pos: t.pos };
  }
  if (t.kind === "punct" && t.text === "-" && ts.peek(1).kind === "number") {
    ts.next();
    return { kind: "literal", value: -(ts.next().value as number), pos: t.pos };
  }
  if (t.kind === "word" && (t.text === "true" || t.text === "false" || t.text === "null")) {
    ts.next();
    return { kind: "literal", value: t.text === "null" ? null : t.text === "true", pos: t.pos };
  }
  return ts.fail("a constant (string, number, boolean or null)");
}

function parseAdditive(ts: TokenStream): Expr {
  let left = parseMultiplicative(ts);
  while (ts.isPunct("+") || ts.isPunct("-")) {
    const t = ts.next();
    left = { kind: "arith", op: t.text as "+" | "-", left, right: parseMultiplicative(ts), pos: t.pos };
  }
  return left;
}

function parseMultiplicative(ts: TokenStream): Expr {
  let left = parseUnary(ts);
  while (ts.isPunct("*") || ts.isPunct("/") || ts.isPunct("%")) {
    const t = ts.next();
    left = { kind: "arith", op: t.text as "*" | "/" | "%", left, right: parseUnary(ts), pos: t.pos };
  }
  return left;
}

function parseUnary(ts: TokenStream): Expr {
  if (ts.isPunct("-")) {
    const t = ts.next();
    const operand = parseUnary(ts);
    if (operand.kind === "literal" && typeof operand.value === "number") return { kind: "literal", value: -operand.value, pos: t.pos };
    return { kind: "negate", operand, pos: t.pos };
  }
  if (ts.isPunct("+")) ts.next();
  return parsePrimary(ts);
}

function parsePrimary(ts: TokenStream): Expr {
  const t = ts.peek();
  if (t.kind === "punct" && t.text === "(") {
    ts.next();
    const inner = parseExpression(ts);
    ts.expectPunct(")");
    return inner;
  }
  if (t.kind === "string" || t.kind === "number" || (t.kind === "word" && ["true", "false", "null"].includes(t.text))) {
    return parseConstant(ts);
  }
  if (t.kind === "word" && !RESERVED.has(t.text) && ts.isPunct("(", 1)) {
    ts.next();
    const insensitive = t.text.endsWith("~");
    const name = insensitive ? t.text.slice(0, -1) : t.text;
    ts.expectPunct("(");
    const args: Expr[] = [];
    if (!ts.isPunct(")")) {
      args.push(parseExpression(ts));
      while (ts.acceptPunct(",")) args.push(parseExpression(ts));
    }
    ts.expectPunct(")");
    return { kind: "call", name, insensitive, args, pos: t.pos };
  }
  return parseField(ts);
}

/** `?a.b`, `` a.`b c` `` — a qualified name; `?` marks an optional field (null when unmapped). */
export function parseField(ts: TokenStream): FieldRef {
  const start = ts.peek();
  const optional = ts.acceptPunct("?");
  const parts = [fieldPart(ts)];
  while (ts.isPunct(".")) {
    ts.next();
    parts.push(fieldPart(ts));
  }
  return { kind: "field", path: parts.join("."), optional, pos: start.pos };
}

function fieldPart(ts: TokenStream): string {
  const t = ts.peek();
  if (t.kind === "quoted-ident") return String(ts.next().value);
  if (t.kind === "word" && !RESERVED.has(t.text) && !t.text.endsWith("~")) return ts.next().text;
  return ts.fail("a field name or expression");
}
