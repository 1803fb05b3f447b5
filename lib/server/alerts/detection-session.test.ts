import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileQuery } from "@/lib/detection/compile-query";
import { loadRule } from "@/lib/detection/rules/load-rule";
import type { EcsEvent } from "@/lib/ecs/event";
import { DetectionSession } from "@/lib/server/alerts/detection-session";

const rule = (file: string) => loadRule(readFileSync(`rules/${file}`, "utf8"), `rules/${file}`);
const main = rule("psexec-network-connection.toml");
const renamed = rule("psexec-renamed-network-connection.toml");
// An event query first, so a sequence rule's stages are not at index 0 of the detector's rules.
const cmd = { ...main, id: "cmd", query: compileQuery('process where process.name == "cmd.exe"') };

const at = (second: number) => new Date(Date.UTC(2026, 0, 5, 8, 0, second)).toISOString();
const host = { name: "ws1", os: { type: "windows" } };
const start = (entity: string, name: string, second: number): EcsEvent => ({
  "@timestamp": at(second), host, event: { category: ["process"], type: ["start"], code: "1" },
  process: { entity_id: entity, name, executable: `C:\\Tools\\${name}`, args: [name, "-accepteula", "\\\\srv01"] },
});
const network = (entity: string, name: string, second: number): EcsEvent => ({
  "@timestamp": at(second), host, event: { category: ["network"], type: ["start"], code: "3" },
  process: { entity_id: entity, name }, destination: { ip: "10.0.0.5", port: 445 },
});

describe("DetectionSession", () => {
  it("tells each event's stage from the rules' own stage queries, and raises sequence and stage-one-only alerts", () => {
    const session = new DetectionSession([cmd, main, renamed]);
    const a = start("{A}", "PsExec.exe", 0);
    const aNet = network("{A}", "PsExec.exe", 3);
    const b = start("{B}", "PsExec.exe", 4);
    expect(session.push(a)).toBe("start");
    expect(session.push(start("{C}", "cmd.exe", 1))).toBeNull(); // the event rule matches, but it has no stages
    expect(session.push(network("{D}", "chrome.exe", 2))).toBe("network"); // only the renamed rule's stage 2 (any network)
    expect(session.push(aNet)).toBe("network");
    expect(session.push({ host, event: { code: "3" } })).toBe("untimed");
    expect(session.push(b, Date.parse(at(4)))).toBe("start"); // the time the caller already read
    const alerts = session.finish();
    const summary = alerts.map((alert) => [alert.kind, alert.rule.id, alert.events.map((event) => (event.process as { entity_id: string }).entity_id)]);
    expect(summary).toEqual(expect.arrayContaining([
      ["sequence", "cmd", ["{C}"]],
      ["sequence", main.id, ["{A}", "{A}"]],
      ["sequence", renamed.id, ["{A}", "{A}"]],
      ["stage_one_only", main.id, ["{B}"]],
      ["stage_one_only", renamed.id, ["{B}"]],
    ]));
    expect(alerts).toHaveLength(5);
  });
});
