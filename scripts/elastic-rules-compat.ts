// Loads every EQL rule of an elastic/detection-rules snapshot with our loader and reports failures.
// Usage: npx tsx scripts/elastic-rules-compat.ts [GIT_DIR]   (default: $ELASTIC_RULES_GIT or the fetched mirror)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadRule, RuleLoadError } from "@/lib/detection/rules/load-rule";

export const DEFAULT_ELASTIC_GIT = process.env.ELASTIC_RULES_GIT ?? "/work/.mirror/elastic+detection-rules/repo";

export type CompatResult = { file: string; ok: boolean; error?: string };

/** Extracts `rules/` and `rules_building_block/` into a temp dir (never into our repo) and loads each EQL rule. */
export function checkElasticRules(gitDir: string): { results: CompatResult[]; commit: string } {
  const commit = execFileSync("git", ["--git-dir", gitDir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
  const dir = mkdtempSync(path.join(tmpdir(), "elastic-rules-"));
  try {
    const tar = execFileSync("git", ["--git-dir", gitDir, "archive", "HEAD", "rules", "rules_building_block"], { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] });
    execFileSync("tar", ["-x", "-C", dir], { input: tar });
    const results: CompatResult[] = [];
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".toml")) continue;
      const full = path.join(entry.parentPath, entry.name);
      const text = readFileSync(full, "utf8");
      if (!/^language\s*=\s*"eql"/m.test(text)) continue;
      const file = path.relative(dir, full);
      try {
        loadRule(text, file);
        results.push({ file, ok: true });
      } catch (error) {
        results.push({ file, ok: false, error: error instanceof RuleLoadError ? error.message : String(error) });
      }
    }
    return { results: results.sort((a, b) => a.file.localeCompare(b.file)), commit };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function summarize(results: CompatResult[]): string {
  const windows = results.filter((r) => r.file.startsWith("rules/windows/"));
  const pct = (list: CompatResult[]) => `${list.filter((r) => r.ok).length}/${list.length} (${((100 * list.filter((r) => r.ok).length) / Math.max(1, list.length)).toFixed(1)}%)`;
  const failures = results.filter((r) => !r.ok).map((r) => `  ${r.error}`);
  return [`all EQL rules: ${pct(results)}`, `rules/windows: ${pct(windows)}`, ...failures].join("\n");
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const gitDir = process.argv[2] ?? DEFAULT_ELASTIC_GIT;
  if (!existsSync(gitDir)) {
    process.stderr.write(`no snapshot at ${gitDir}\n`);
    process.exit(2);
  }
  const { results, commit } = checkElasticRules(gitDir);
  process.stdout.write(`elastic/detection-rules ${commit}\n${summarize(results)}\n`);
}
