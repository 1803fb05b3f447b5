import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadRule, type LoadedRule } from "@/lib/detection/rules/load-rule";

export const RULES_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));
export const DEFAULT_RULE_ID = "55d551c6-333b-4665-ab7e-5d14a59715ce";

/** All `*.toml` files under the given files/directories, sorted for stable output. */
export async function listRuleFiles(targets: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const target of targets) {
    if ((await stat(target)).isDirectory()) {
      const entries = await readdir(target, { recursive: true, withFileTypes: true });
      for (const e of entries) if (e.isFile() && e.name.endsWith(".toml")) files.push(path.join(e.parentPath, e.name));
    } else files.push(target);
  }
  return files.sort();
}

export async function loadRuleFile(file: string): Promise<LoadedRule> {
  return loadRule(await readFile(file, "utf8"), file);
}

/** `--rule` accepts a rule file path or a rule_id/name of a rule shipped in `rules/`. */
export async function resolveRules(specs: string[]): Promise<LoadedRule[]> {
  const wanted = specs.length > 0 ? specs : [DEFAULT_RULE_ID];
  let shipped: LoadedRule[] | null = null;
  const out: LoadedRule[] = [];
  for (const spec of wanted) {
    if (spec.endsWith(".toml") || spec.includes("/")) {
      out.push(await loadRuleFile(spec));
      continue;
    }
    shipped ??= await Promise.all((await listRuleFiles([RULES_DIR])).map(loadRuleFile));
    const rule = shipped.find((r) => r.id === spec || r.name === spec);
    if (!rule) throw new Error(`unknown rule '${spec}' (not a .toml path, nor a rule_id or name in ${RULES_DIR})`);
    out.push(rule);
  }
  return out;
}
