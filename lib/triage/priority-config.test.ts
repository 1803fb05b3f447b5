import { describe, expect, it } from "vitest";
import { DEFAULT_PRIORITY_CONFIG, parsePriorityConfig, priorityConfigSchema } from "@/lib/triage/priority-config";
import { sensitiveMatcher } from "@/lib/triage/sensitive-activity";

describe("priority config", () => {
  it("defaults to the Kibana 9-minute look-back and the playbook's named programs", () => {
    expect(DEFAULT_PRIORITY_CONFIG.stageWindowMs).toBe(540_000);
    expect(DEFAULT_PRIORITY_CONFIG.sensitiveProcesses).toEqual(expect.arrayContaining(["cmd.exe", "powershell.exe", "mimikatz.exe"]));
    expect(parsePriorityConfig(undefined)).toEqual(DEFAULT_PRIORITY_CONFIG);
  });

  it("keeps overrides", () => {
    expect(parsePriorityConfig({ stageWindowMs: 60_000, sensitiveProcesses: ["x.exe"] })).toMatchObject({ stageWindowMs: 60_000, sensitiveProcesses: ["x.exe"] });
  });

  it.each([{ stageWindowMs: 0 }, { stageWindowMs: 1.5 }, { sensitiveProcesses: [] }, { sensitiveProcesses: [" "] }, { clockSkewMs: -1 }])("rejects %j", (input) => {
    expect(priorityConfigSchema.safeParse(input).success).toBe(false);
  });
});

describe("sensitiveMatcher", () => {
  const isSensitive = sensitiveMatcher(["cmd.exe", "PowerShell.exe", "mimikatz"]);
  it.each([
    ["cmd.exe", true],
    ["CMD.EXE", true],
    ["cmd", true],
    ["C:\\Windows\\System32\\cmd.exe", true],
    ['"C:\\Program Files\\x\\powershell.exe"', true],
    ["\\\\srv\\share\\mimikatz", true],
    ["mimikatz.exe", false],
    ["cmd.com", false],
    ["notcmd.exe", false],
    ["", false],
  ])("%s → %s", (program, expected) => {
    expect(isSensitive(program)).toBe(expected);
  });
});
