import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectAll } from "@/lib/detection/detect-all";
import { loadRule, RuleLoadError } from "@/lib/detection/rules/load-rule";

const RULES = path.resolve(__dirname, "../../../rules");
const read = (name: string) => readFileSync(path.join(RULES, name), "utf8");
const seed = loadRule(read("psexec-network-connection.toml"), "psexec-network-connection.toml");
const renamed = loadRule(read("psexec-renamed-network-connection.toml"), "psexec-renamed-network-connection.toml");

describe("shipped rules", () => {
  it("the default rule carries exactly the seed's query (as quoted in docs/mission.md)", () => {
    const mission = readFileSync(path.resolve(__dirname, "../../../../shared/docs/mission.md"), "utf8");
    const quoted = /```\n(sequence by[\s\S]*?)```/.exec(mission)![1];
    expect(seed.queryText.trim()).toBe(quoted.trim());
    expect(seed).toMatchObject({ id: "55d551c6-333b-4665-ab7e-5d14a59715ce", name: "PsExec Network Connection", enabled: true });
  });

  it("maps MITRE T1569/T1569.002, T1021/T1021.002 and T1570", () => {
    const ids = seed.threat.flatMap((t) => (t.technique ?? []).flatMap((x) => [x.id, ...(x.subtechnique ?? []).map((s) => s.id)]));
    expect(ids.sort()).toEqual(["T1021", "T1021.002", "T1569", "T1569.002", "T1570"]);
  });

  it("the renamed-binary rule is optional and catches a renamed PsExec via original_file_name", () => {
    expect(renamed.enabled).toBe(false);
    expect(renamed.id).not.toBe(seed.id);
    const base = { "@timestamp": "2024-01-01T00:00:01.000Z", host: { os: { type: "windows" } } };
    const start = { ...base, _id: "A", event: { category: ["process"], type: ["start"] }, process: { entity_id: "{X}", name: "utility.exe", pe: { original_file_name: "psexec.c" }, args: ["utility.exe", "-accepteula", "\\\\srv"], executable: "C:\\t\\utility.exe" } };
    const net = { ...base, "@timestamp": "2024-01-01T00:00:02.000Z", _id: "B", event: { category: ["network"] }, process: { entity_id: "{X}", name: "utility.exe" } };
    const run = (rule: typeof seed) => detectAll([{ id: rule.id, query: rule.query }], [start, net]).detections.length;
    expect(run(renamed)).toBe(1);
    expect(run(seed)).toBe(0);
  });
});

describe("loadRule errors carry file:line:column", () => {
  const good = read("psexec-network-connection.toml");
  it.each([
    ["broken TOML", "[rule\nname = 1", /^x\.toml:1:\d+: invalid TOML/],
    ["missing name", good.replace(/^name = .*$/m, ""), /^x\.toml:\d+:1: rule\.name: /],
    ["bad severity", good.replace('severity = "low"', 'severity = "urgent"'), new RegExp(`^x\\.toml:${good.split("\n").findIndex((l) => l.startsWith("severity")) + 1}:1: rule\\.severity: `)],
    ["query error maps to the file line", good.replace('event.type == "start" and', 'event.type == and'), new RegExp(`^x\\.toml:${good.split("\n").findIndex((l) => l.includes('event.type == "start" and')) + 1}:\\d+: query: expected a field name or expression, found 'and'`)],
  ])("%s", (_name, text, message) => {
    expect(() => loadRule(text, "x.toml")).toThrow(RuleLoadError);
    expect(() => loadRule(text, "x.toml")).toThrow(message);
  });
});
