import { describe, expect, it } from "vitest";
import { compileQuery } from "@/lib/detection/compile-query";
import type { EcsEvent } from "@/lib/ecs/event";

const matches = (query: string, event: EcsEvent) => {
  const q = compileQuery(query);
  if (q.kind !== "event") throw new Error("expected an event query");
  return q.matches(event);
};

// Each row restates a rule from docs/detection.md §2 (Elasticsearch Query DSL semantics).
const ROWS: [string, string, EcsEvent, boolean][] = [
  ["category is a case-sensitive term on event.category", "process where true", { event: { category: ["process"] } }, true],
  ["category matches any array element", "network where true", { event: { category: ["host", "network"] } }, true],
  ["category is case-sensitive", "process where true", { event: { category: ["Process"] } }, false],
  ["category missing", "process where true", {}, false],
  ["any where ignores category", "any where true", {}, true],
  ["== exact", 'any where a == "start"', { a: "start" }, true],
  ["== case-sensitive", 'any where host.os.type == "windows"', { host: { os: { type: "Windows" } } }, false],
  ["== any array element", 'any where event.type == "start"', { event: { type: ["connection", "start"] } }, true],
  ["== no wildcard expansion", 'any where a == "st*"', { a: "start" }, false],
  ["== missing field is false", 'any where a == "x"', {}, false],
  ["== number vs numeric string (term on keyword)", "any where a == 445", { a: "445" }, true],
  ["== string vs number field", 'any where a == "445"', { a: 445 }, true],
  ["== boolean", "any where a == true", { a: true }, true],
  ["== null means missing", "any where a == null", {}, true],
  ["!= null means exists", "any where a != null", { a: "x" }, true],
  ["!= is not ==", 'any where a != "x"', { a: "y" }, true],
  ["!= missing field is true (must_not)", 'any where a != "x"', {}, true],
  ["!= excludes when any element matches", 'any where a != "x"', { a: ["y", "x"] }, false],
  [": case-insensitive equality", 'any where process.name : "PsExec.exe"', { process: { name: "psexec.EXE" } }, true],
  [": is whole-value", 'any where process.name : "PsExec.exe"', { process: { name: "C:\\x\\PsExec.exe" } }, false],
  [": element of args, not substring", 'any where process.args : "-accepteula"', { process: { args: ["x", "-AcceptEULA"] } }, true],
  [": no partial element", 'any where process.args : "-accepteula"', { process: { args: ["-accepteula2", "/accepteula"] } }, false],
  [": ? is exactly one char", 'any where a : "?:\\\\Tools\\\\x.exe"', { a: "d:\\TOOLS\\x.exe" }, true],
  [": ? needs a char", 'any where a : "?:\\\\x"', { a: ":\\x" }, false],
  [": ? is one code point", 'any where a : "?b"', { a: "😀b" }, true],
  [": * matches empty and newlines", 'any where a : "x*y"', { a: "x\n\ny" }, true],
  [": list is OR", 'any where a : ("q", "*z")', { a: "xyZ" }, true],
  [": regex metacharacters are literal", 'any where a : "a.(b)+"', { a: "a.(b)+" }, true],
  [": regex metacharacters do not act", 'any where a : "a.(b)+"', { a: "ax(b)bb" }, false],
  ["not : missing field is true", 'any where not a : "x*"', {}, true],
  ["not : excludes when any element matches", 'any where not a : "x*"', { a: ["q", "X1"] }, false],
  ["like is case-sensitive", 'any where a like "X*"', { a: "x1" }, false],
  ["like~ is case-insensitive", 'any where a like~ "X*"', { a: "x1" }, true],
  ["regex is anchored", 'any where a regex "b"', { a: "abc" }, false],
  ["regex full match", 'any where a regex """a.c"""', { a: "abc" }, true],
  ["regex case-sensitive", 'any where a regex "ABC"', { a: "abc" }, false],
  ["regex~ insensitive", 'any where a regex~ "ABC"', { a: "abc" }, true],
  ["regex lucene escape of quote", 'any where a regex """\\".*"""', { a: '"x' }, true],
  ["in: exact", 'any where a in ("x", "y")', { a: "y" }, true],
  ["in: case-sensitive", 'any where a in ("x")', { a: "X" }, false],
  ["in~: insensitive", 'any where a in~ ("x")', { a: "X" }, true],
  ["not in: missing is true", 'any where a not in ("x")', {}, true],
  ["< on numbers", "any where a < 10", { a: 9 }, true],
  [">= on numbers", "any where a >= 10", { a: 9 }, false],
  ["> on strings is lexicographic", 'any where a > "b"', { a: "c" }, true],
  ["<= any element", "any where a <= 1", { a: [5, 1] }, true],
  ["and/or", 'any where a == 1 and (b == 2 or c == 3)', { a: 1, c: 3 }, true],
  ["dotted keys resolve like nested", 'any where process.name == "x"', { "process.name": "x" }, true],
  ["optional field missing is just false", 'any where ?process.pe.original_file_name : "psexec.c"', {}, false],
  ["bare boolean field", "any where a", { a: true }, true],
  ["startsWith any element", 'any where startsWith(a, "ps")', { a: ["x", "psexec"] }, true],
  ["startsWith is case-sensitive", 'any where startsWith(a, "PS")', { a: "psexec" }, false],
  ["startsWith~ is insensitive", 'any where startsWith~(a, "PS")', { a: "psexec" }, true],
  ["not startsWith on missing field is true (prefix query)", 'any where not startsWith(a, "x")', {}, true],
  ["endsWith", 'any where endsWith(a, ".exe")', { a: "p.exe" }, true],
  ["stringContains", 'any where stringContains(a, "sex")', { a: "psexec" }, true],
  ["cidrMatch v4", 'any where cidrMatch(ip, "10.0.0.0/8", "192.168.0.0/16")', { ip: "10.2.3.4" }, true],
  ["cidrMatch v4 miss", 'any where cidrMatch(ip, "10.0.0.0/8")', { ip: "11.0.0.1" }, false],
  ["cidrMatch v6", 'any where cidrMatch(ip, "fe80::/10")', { ip: "fe80::1%4" }, true],
  ["length", "any where length(a) == 3", { a: "abc" }, true],
  ["length of missing under not stays false (script null)", "any where not length(a) == 3", {}, false],
  ["concat", 'any where concat(a, "-", b) == "x-1"', { a: "x", b: 1 }, true],
  ["substring with negative index", 'any where substring(a, -3) == "exe"', { a: "ps.exe" }, true],
  ["number()", 'any where number(a) + 1 == 11', { a: "10" }, true],
  ["number() base 16", 'any where number(a, 16) == 255', { a: "0xff" }, true],
  ["arithmetic functions", "any where add(a, 2) == 5 and subtract(a, 1) == 2 and multiply(a, 2) == 6 and divide(7, 2) == 3 and modulo(7, 4) == 3", { a: 3 }, true],
  ["between", 'any where between(a, "\\\\", ".") == "psexec"', { a: "C:\\psexec.exe" }, true],
  ["between~", 'any where between~(a, "X", "Y") == "mid"', { a: "xmidy" }, true],
  ["indexOf", 'any where indexOf(a, "e") == 2', { a: "psexec" }, true],
  ["field vs field is a script compare", "any where a == b", { a: "x", b: "x" }, true],
  ["function names are case-insensitive", 'any where STARTSWITH(a, "p")', { a: "p" }, true],
];

describe("compiled conditions follow Elasticsearch semantics", () => {
  it.each(ROWS)("%s", (_why, query, event, expected) => {
    expect(matches(query, event)).toBe(expected);
  });
});

describe("compile-time errors", () => {
  it.each([
    ["any where foo(a)", "1:11: expected a known function"],
    ["any where length~(a) == 1", "1:11: expected a function with a case-insensitive variant, found 'length~'"],
    ["any where startsWith(a)", "1:11: expected 2 arguments for startsWith, found 1"],
    ['any where a regex "("', "1:19: expected a valid regular expression"],
    ["any where cidrMatch(a, b)", "1:24: expected a CIDR string literal"],
    ["sample by a [x where true] [y where true]", "1:1: expected 'sequence' or '<category> where', found 'sample'"],
    ["sequence [a where true] ![b where true]", "1:25: expected '[', found '!' (missing-event stages are not supported"],
    ["sequence by a [x where true] [y where true] by b", "1:30: expected 1 join keys like the first stage, found 2"],
    ["sequence [x where true] [y where true] | filter a", "1:42: expected 'head' or 'tail' after a sequence, found 'filter'"],
  ])("%s", (query, message) => {
    expect(() => compileQuery(query)).toThrow(message);
  });
});
