import type { Command } from "commander";
import { stat } from "node:fs/promises";
import { RuleLoadError } from "@/lib/detection/rules/load-rule";
import { listRuleFiles, loadRuleFile } from "@/cli/rules/resolve-rules";

export function register(program: Command): void {
  const rules = program.command("rules").description("Work with detection rule files");
  rules
    .command("check")
    .description("Validate rule files: prints 'ok PATH' or 'PATH:LINE:COL: error' per file; exit 1 if any fails")
    .argument("<paths...>", "rule files or directories (searched recursively for *.toml)")
    .action(async (paths: string[]) => {
      process.exitCode = await checkRules(paths);
    });
}

async function checkRules(paths: string[]): Promise<number> {
  for (const p of paths) {
    try {
      await stat(p);
    } catch {
      process.stderr.write(`lateral rules check: cannot read ${p}\n`);
      return 2;
    }
  }
  const files = await listRuleFiles(paths);
  const seen = new Map<string, string>();
  let failed = 0;
  for (const file of files) {
    try {
      const rule = await loadRuleFile(file);
      const other = seen.get(rule.id);
      if (other) throw new RuleLoadError(file, 1, 1, `rule_id ${rule.id} is already used by ${other}`);
      seen.set(rule.id, file);
      process.stdout.write(`ok ${file}\n`);
    } catch (error) {
      failed++;
      process.stdout.write(`${error instanceof RuleLoadError ? error.message : `${file}:1:1: ${(error as Error).message}`}\n`);
    }
  }
  if (files.length === 0) process.stderr.write("lateral rules check: no .toml files found\n");
  return failed > 0 ? 1 : 0;
}
