import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { loadRule, type LoadedRule } from "@/lib/detection/rules/load-rule";

const RULES_DIR = path.join(process.cwd(), "rules");
let cached: Promise<LoadedRule[]> | undefined;

/** The bundled rules in rules/*.toml, parsed and compiled once per process. */
export function loadBundledRules(): Promise<LoadedRule[]> {
  cached ??= (async () => {
    const files = (await readdir(RULES_DIR)).filter((name) => name.endsWith(".toml")).sort();
    return Promise.all(files.map(async (name) => loadRule(await readFile(path.join(RULES_DIR, name), "utf8"), `rules/${name}`)));
  })();
  return cached;
}

export async function loadEnabledRules(): Promise<LoadedRule[]> {
  return (await loadBundledRules()).filter((rule) => rule.enabled);
}
