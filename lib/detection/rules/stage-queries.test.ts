import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { compileQuery } from "@/lib/detection/compile-query";
import { loadRule } from "@/lib/detection/rules/load-rule";
import { sequenceStageQueries } from "@/lib/detection/rules/stage-queries";

describe("sequenceStageQueries", () => {
  it.each([
    ['sequence by a [process where x == "]"] [network where true]', ['process where x == "]"', "network where true"]],
    ["sequence with maxspan=1m\n  [any where a : (\"x\", \"y\")] by a\n  ![file where b]", ['any where a : ("x", "y")', "file where b"]],
    ["process where true", null],
  ])("%s", (query, expected) => {
    expect(sequenceStageQueries(query)).toEqual(expected);
  });

  it("cuts the seed rule into two event queries that compile on their own", async () => {
    const rule = loadRule(await readFile("rules/psexec-network-connection.toml", "utf8"), "seed");
    const stages = sequenceStageQueries(rule.queryText)!;
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/^process where host\.os\.type == "windows" and process\.name : "PsExec\.exe"/);
    expect(stages[0]).toMatch(/CynetScanner\.exe"$/);
    expect(stages[1]).toBe('network where host.os.type == "windows" and process.name : "PsExec.exe"');
    for (const text of stages) expect(compileQuery(text).kind).toBe("event");
  });
});
