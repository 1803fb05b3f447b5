import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkElasticRules, DEFAULT_ELASTIC_GIT, summarize } from "@/scripts/elastic-rules-compat";

// Optional tier: needs a read-only snapshot of elastic/detection-rules (fetch it, or set ELASTIC_RULES_GIT).
const hasSnapshot = existsSync(DEFAULT_ELASTIC_GIT);

describe.skipIf(!hasSnapshot)("Elastic detection-rules compatibility", () => {
  it("loads every Windows EQL rule and at least 95% of all EQL rules, failing only with clear reasons", () => {
    const { results } = checkElasticRules(DEFAULT_ELASTIC_GIT);
    const windows = results.filter((r) => r.file.startsWith("rules/windows/"));
    console.info(summarize(results).split("\n").slice(0, 2).join("; "));
    expect(results.length).toBeGreaterThan(900);
    expect(windows.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
    expect(results.filter((r) => r.ok).length / results.length).toBeGreaterThanOrEqual(0.95);
    for (const failure of results.filter((r) => !r.ok)) {
      expect(failure.error).toMatch(/^rules[^:]*\.toml:\d+:\d+: .*expected .+, found /);
    }
  }, 120_000);

  it("loads Elastic's current PsExec rule (v213+, with the optional original_file_name)", () => {
    const { results } = checkElasticRules(DEFAULT_ELASTIC_GIT);
    expect(results.find((r) => r.file.endsWith("execution_psexec_lateral_movement_command.toml"))?.ok).toBe(true);
  }, 120_000);
});
