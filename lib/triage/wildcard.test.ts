import { describe, expect, it } from "vitest";
import { compileWildcard, isMatchAll } from "@/lib/triage/wildcard";

// Rows follow the `:` rules quoted in shared/docs/detection.md §2.4 (Elasticsearch EQL docs).
const rows: Array<[pattern: string, value: string, expected: boolean]> = [
  ["?:\\Tools\\PsExec.exe", "C:\\Tools\\PsExec.exe", true],
  ["?:\\Tools\\PsExec.exe", "d:\\tools\\psexec.EXE", true],
  ["?:\\Tools\\PsExec.exe", "CD:\\Tools\\PsExec.exe", false],
  ["?:\\Tools\\PsExec.exe", ":\\Tools\\PsExec.exe", false],
  ["*\\PsExec.exe", "C:\\a\\b\\PsExec.exe", true],
  ["*\\PsExec.exe", "C:\\a\\PsExec64.exe", false],
  ["PsExec.exe", "C:\\x\\PsExec.exe", false],
  ["psexec.exe", "PSEXEC.EXE", true],
  ["C:\\Program Files (x86)\\*", "c:\\program files (x86)\\x.exe", true],
  ["a.c", "abc", false],
  ["*-accepteula*", "psexec -accepteula \\\\h cmd", true],
  ["*", "", true],
  ["?", "", false],
  ["?", "é", true],
  ["[x]+", "[X]+", true],
];

describe("compileWildcard", () => {
  it.each(rows)("%s : %s = %s", (pattern, value, expected) => {
    expect(compileWildcard(pattern)(value)).toBe(expected);
  });

  it.each([["*", true], ["**", true], ["*a", false], ["", false]] as const)("isMatchAll(%s) = %s", (p, expected) => {
    expect(isMatchAll(p)).toBe(expected);
  });
});
