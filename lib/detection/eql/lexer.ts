import { EqlSyntaxError, type Position } from "@/lib/detection/eql/syntax-error";
import type { Token } from "@/lib/detection/eql/tokens";

// Longest first so `==` wins over `=`.
const PUNCTUATION = ["==", "!=", "<=", ">=", "(", ")", "[", "]", ",", ".", "|", ":", "<", ">", "=", "!", "?", "+", "-", "*", "/", "%"];

const isIdentStart = (c: string) => /[A-Za-z_@]/.test(c);
const isIdentPart = (c: string) => /[A-Za-z0-9_@]/.test(c);
const isDigit = (c: string) => c >= "0" && c <= "9";

/** Splits EQL text into tokens; strings are unescaped here so the parser only sees values. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const here = (): Position => ({ offset: i, line, column: i - lineStart + 1 });
  const fail = (pos: Position, message: string): never => {
    throw new EqlSyntaxError(message, pos.line, pos.column);
  };
  const advanceOver = (end: number) => {
    for (; i < end; i++) {
      if (source[i] === "\n") {
        line++;
        lineStart = i + 1;
      }
    }
  };

  while (i < source.length) {
    const c = source[i];
    if (c === " " || c === "\t" || c === "\r" || c === "\n") {
      advanceOver(i + 1);
      continue;
    }
    if (source.startsWith("//", i)) {
      const end = source.indexOf("\n", i);
      advanceOver(end === -1 ? source.length : end);
      continue;
    }
    if (source.startsWith("/*", i)) {
      const start = here();
      const end = source.indexOf("*/", i + 2);
      if (end === -1) fail(start, "expected '*/' to close the comment, found end of query");
      advanceOver(end + 2);
      continue;
    }
    const pos = here();
    if (source.startsWith('"""', i)) {
      const end = source.indexOf('"""', i + 3);
      if (end === -1) fail(pos, 'expected \'"""\' to close the raw string, found end of query');
      const value = source.slice(i + 3, end);
      tokens.push({ kind: "string", text: source.slice(i, end + 3), value, pos });
      advanceOver(end + 3);
      continue;
    }
    if (c === '"') {
      const { value, end } = readString(source, i, pos, fail);
      tokens.push({ kind: "string", text: source.slice(i, end), value, pos });
      advanceOver(end);
      continue;
    }
    if (c === "'") fail(pos, "expected a double-quoted string, found single quote (single-quoted strings are not supported)");
    if (c === "`") {
      const end = source.indexOf("`", i + 1);
      if (end === -1 || source.slice(i + 1, end).includes("\n")) fail(pos, "expected '`' to close the field name, found end of line");
      tokens.push({ kind: "quoted-ident", text: source.slice(i, end + 1), value: source.slice(i + 1, end), pos });
      advanceOver(end + 1);
      continue;
    }
    if (isDigit(c)) {
      const match = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i, i + 64))!;
      tokens.push({ kind: "number", text: match[0], value: Number(match[0]), pos });
      advanceOver(i + match[0].length);
      continue;
    }
    if (isIdentStart(c)) {
      let end = i + 1;
      while (end < source.length && isIdentPart(source[end])) end++;
      if (source[end] === "~") end++;
      const text = source.slice(i, end);
      tokens.push({ kind: "word", text, value: text, pos });
      advanceOver(end);
      continue;
    }
    const punct = PUNCTUATION.find((p) => source.startsWith(p, i));
    if (!punct) fail(pos, `expected a token, found unexpected character '${c}'`);
    tokens.push({ kind: "punct", text: punct!, value: punct!, pos });
    advanceOver(i + punct!.length);
  }
  tokens.push({ kind: "eof", text: "", value: "", pos: here() });
  return tokens;
}

// Documented: \n \r \t \\ \" \u{…}; Elastic's own production rules also rely on \' (and \b \f exist in the ES lexer).
const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", "\\": "\\", '"': '"', "'": "'", b: "\b", f: "\f" };

function readString(
  source: string,
  start: number,
  startPos: Position,
  fail: (pos: Position, message: string) => never,
): { value: string; end: number } {
  let value = "";
  let i = start + 1;
  while (i < source.length) {
    const c = source[i];
    if (c === '"') return { value, end: i + 1 };
    if (c === "\n") break;
    if (c !== "\\") {
      value += c;
      i++;
      continue;
    }
    const next = source[i + 1];
    const escPos = { ...startPos, column: startPos.column + (i - start) };
    if (next in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[next];
      i += 2;
    } else if (next === "u" && source[i + 2] === "{") {
      const close = source.indexOf("}", i + 3);
      const hex = close === -1 ? "" : source.slice(i + 3, close);
      if (!/^[0-9a-fA-F]{2,8}$/.test(hex) || Number.parseInt(hex, 16) > 0x10ffff) {
        fail(escPos, "expected a unicode escape \\u{XXXX} with 2-8 hex digits, found an invalid escape");
      }
      value += String.fromCodePoint(Number.parseInt(hex, 16));
      i = close + 1;
    } else {
      fail(escPos, `expected an escape sequence (\\n \\r \\t \\\\ \\" \\u{XXXX}), found '\\${next ?? ""}'`);
    }
  }
  return fail(startPos, "expected '\"' to close the string, found end of line");
}
