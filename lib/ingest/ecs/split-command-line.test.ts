import { describe, expect, it } from "vitest";
import { splitCommandLine, splitSecurityCommandLine } from "@/lib/ingest/ecs/split-command-line";

// Vectors from detection.md §4.2 (Painless SplitCommandLine, pre-2008 "" rule).
const SYSMON_VECTORS: [string, string[]][] = [
  ['"C:\\Tools\\PsExec.exe" -accepteula \\\\10.0.0.5 -s cmd.exe /c whoami',
    ["C:\\Tools\\PsExec.exe", "-accepteula", "\\\\10.0.0.5", "-s", "cmd.exe", "/c", "whoami"]],
  ['PsExec.exe "-accepteula" \\\\srv01 -u "DOMAIN\\admin user" -p pass cmd',
    ["PsExec.exe", "-accepteula", "\\\\srv01", "-u", "DOMAIN\\admin user", "-p", "pass", "cmd"]],
  ["psexec.exe -accepteula\\ \\\\srv", ["psexec.exe", "-accepteula\\", "\\\\srv"]],
  ['a "b""c" d', ["a", 'b"c d']],
  ['a "x\\"y" z', ["a", 'x"y', "z"]],
  ['a \\\\\\"b c', ["a", '\\"b', "c"]],
  // Whitespace rules of the same algorithm: runs of spaces/tabs separate, trailing ones vanish.
  ["ping  -n 6 127.0.0.1 ", ["ping", "-n", "6", "127.0.0.1"]],
  ["\t a\tb  ", ["a", "b"]],
  ["", []],
  ['""', [""]],
];

describe("splitCommandLine (Sysmon pipeline)", () => {
  it.each(SYSMON_VECTORS)("%s", (cmd, want) => {
    expect(splitCommandLine(cmd)).toEqual(want);
  });
});

// Derived by hand from the Security pipeline's "Process Event 4688" loop: quotes kept, every
// unquoted whitespace character ends a piece (so double spaces give "").
const SECURITY_VECTORS: [string, string[]][] = [
  ["PsExec.exe  -accepteula -s cmd", ["PsExec.exe", "", "-accepteula", "-s", "cmd"]],
  ['"C:\\a b\\x.exe" /c', ['"C:\\a b\\x.exe"', "/c"]],
  ["cmd ", ["cmd", ""]],
  ["x", ["x"]],
  ["a\u00a0b\u2003c\nd", ["a\u00a0b", "c", "d"]],
  ["", []],
];

describe("splitSecurityCommandLine (Security 4688 pipeline)", () => {
  it.each(SECURITY_VECTORS)("%s", (cmd, want) => {
    expect(splitSecurityCommandLine(cmd)).toEqual(want);
  });
});
