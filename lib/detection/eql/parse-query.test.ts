import { describe, expect, it } from "vitest";
import type { Expr } from "@/lib/detection/eql/ast";
import { parseQuery } from "@/lib/detection/eql/parse-query";
import { tokenize } from "@/lib/detection/eql/lexer";
import { EqlSyntaxError } from "@/lib/detection/eql/syntax-error";

/** Compact rendering of an expression so expectations are readable. */
function show(e: Expr): string {
  switch (e.kind) {
    case "field": return `${e.optional ? "?" : ""}${e.path}`;
    case "literal": return JSON.stringify(e.value);
    case "and": case "or": return `(${show(e.left)} ${e.kind} ${show(e.right)})`;
    case "not": return `(not ${show(e.operand)})`;
    case "compare": case "arith": return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case "match": return `(${show(e.left)} ${e.op} [${e.patterns.map(show).join(",")}])`;
    case "in": return `(${show(e.left)} ${e.negated ? "not " : ""}in${e.insensitive ? "~" : ""} [${e.list.map(show).join(",")}])`;
    case "negate": return `(-${show(e.operand)})`;
    case "call": return `${e.name}${e.insensitive ? "~" : ""}(${e.args.map(show).join(",")})`;
  }
}
const condition = (q: string) => {
  const body = parseQuery(q).body;
  if (body.kind !== "event") throw new Error("not an event query");
  return `${body.category ?? "any"}: ${show(body.condition)}`;
};

describe("parseQuery — event queries", () => {
  it.each([
    ['process where a == "x"', 'process: (a == "x")'],
    ['any where true', "any: true"],
    ['process where a and b or c', "process: ((a and b) or c)"],
    ['process where a or b and c', "process: (a or (b and c))"],
    ['process where not a == 1 and b', "process: ((not (a == 1)) and b)"],
    ['process where not (a or b)', "process: (not (a or b))"],
    ['process where x : "a*"', 'process: (x : ["a*"])'],
    ['process where x : ("a", "b?")', 'process: (x : ["a","b?"])'],
    ['process where x like~ "A*"', 'process: (x like~ ["A*"])'],
    ['process where x regex """\\d+"""', 'process: (x regex ["\\\\d+"])'],
    ['process where x not in ("a", 1)', 'process: (x not in ["a",1])'],
    ['process where x in~ ("a")', 'process: (x in~ ["a"])'],
    ['process where ?process.pe.original_file_name : "psexec.c"', 'process: (?process.pe.original_file_name : ["psexec.c"])'],
    ['process where `weird field`.sub == null', 'process: (weird field.sub == null)'],
    ['process where startsWith~(process.name, "ps")', 'process: startsWith~(process.name,"ps")'],
    ['process where length(a) > 2 + 3 * 4', "process: (length(a) > (2 + (3 * 4)))"],
    ['process where a == -1.5e2', "process: (a == -150)"],
    ['process where a == "\\u{48}i\\t\\"q\\"\\\\"', 'process: (a == "Hi\\t\\"q\\"\\\\")'],
    ['process where a == """raw \\n "quoted" """', 'process: (a == "raw \\\\n \\"quoted\\" ")'],
    ["process where /* block\n comment */ a == 1 // trailing", "process: (a == 1)"],
    ['"process" where a >= 1 and a <= 2 and a != 3 and a < 4 and a > 0', "process: (((((a >= 1) and (a <= 2)) and (a != 3)) and (a < 4)) and (a > 0))"],
  ])("%s", (query, expected) => {
    expect(condition(query)).toBe(expected);
  });
});

describe("parseQuery — sequences, sample and pipes", () => {
  it("reads sequence by, maxspan, per-stage by, runs and until", () => {
    const q = parseQuery('sequence by host.id with maxspan=5m [process where true] by process.entity_id [network where true] by process.entity_id with runs=2 until [process where false] by process.entity_id | head 3');
    expect(q.body.kind).toBe("sequence");
    if (q.body.kind !== "sequence") return;
    expect(q.body.by.map((f) => f.path)).toEqual(["host.id"]);
    expect(q.body.maxspanMs).toBe(300_000);
    expect(q.body.stages.map((s) => [s.query.category, s.by[0].path, s.runs])).toEqual([["process", "process.entity_id", 1], ["network", "process.entity_id", 2]]);
    expect(q.body.until?.query.category).toBe("process");
    expect(q.pipes).toMatchObject([{ kind: "head", count: 3 }]);
  });

  it.each([["30s", 30_000], ["100ms", 100], ["2h", 7_200_000], ["1d", 86_400_000]])("maxspan=%s is %d ms", (span, ms) => {
    const q = parseQuery(`sequence with maxspan=${span} [a where true] [b where true]`);
    expect(q.body.kind === "sequence" && q.body.maxspanMs).toBe(ms);
  });

  it("accepts one stage when runs makes it a multi-stage sequence", () => {
    const q = parseQuery("sequence by a [file where true] with runs=3");
    expect(q.body.kind === "sequence" && q.body.stages[0].runs).toBe(3);
  });

  it("parses sample and tail/filter pipes", () => {
    expect(parseQuery("sample by host.id [a where true] [b where true]").body.kind).toBe("sample");
    expect(parseQuery("process where true | tail 2 | filter a == 1").pipes.map((p) => p.kind)).toEqual(["tail", "filter"]);
  });
});

describe("parseQuery — errors carry line:column and expected/found", () => {
  it.each([
    ["process where", "1:14: expected a field name or expression, found end of query"],
    ["process a == 1", "1:9: expected 'where', found 'a'"],
    ["process where a == 'x'", "1:20: expected a double-quoted string, found single quote (single-quoted strings are not supported)"],
    ['process where a == "x', '1:20: expected \'"\' to close the string, found end of line'],
    ['process where a == "\\q"', "1:21: expected an escape sequence (\\n \\r \\t \\\\ \\\" \\u{XXXX}), found '\\q'"],
    ["process where (a == 1", "1:22: expected ')', found end of query"],
    ["process where a == 1 b", "1:22: expected 'and', 'or', '|' or end of query, found 'b'"],
    ["sequence\n  [process where true]", "2:23: expected '[' (a sequence needs at least two stages), found end of query"],
    ["sequence with maxspan=5 [a where true] [b where true]", "1:25: expected a time unit (ms, s, m, h, d) right after the number, found '['"],
    ["process where a : b", "1:19: expected a constant (string, number, boolean or null), found 'b'"],
    ["process where true | sort a", "1:22: expected a supported pipe (head, tail, filter), found 'sort'"],
    ["join [a where true] [b where true]", "1:1: expected 'sequence', 'sample' or '<category> where', found 'join' (join queries are not supported by Elasticsearch EQL)"],
    ["process where a == 1 /* open", "1:22: expected '*/' to close the comment, found end of query"],
    ["process where a # 1", "1:17: expected a token, found unexpected character '#'"],
    ['process where a == "\\u{zz}"', "1:21: expected a unicode escape \\u{XXXX} with 2-8 hex digits, found an invalid escape"],
  ])("%j", (query, message) => {
    let error: unknown;
    try {
      parseQuery(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EqlSyntaxError);
    expect((error as Error).message).toBe(message);
  });

  it("tracks lines and columns across newlines and comments", () => {
    const tokens = tokenize("a\n  // c\n /* x\n y */ b");
    expect(tokens.map((t) => [t.text, t.pos.line, t.pos.column])).toEqual([["a", 1, 1], ["b", 4, 7], ["", 4, 8]]);
  });
});
