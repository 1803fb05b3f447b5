import { parse as parseToml } from "smol-toml";
import { compileQuery } from "@/lib/detection/compile-query";
import type { CompiledQuery } from "@/lib/detection/compiled-query";
import { EqlSyntaxError } from "@/lib/detection/eql/syntax-error";
import { ruleFileSchema, type RuleFile } from "@/lib/detection/rules/rule-schema";

export type Severity = RuleFile["rule"]["severity"];

export type LoadedRule = {
  id: string;
  name: string;
  description: string;
  severity: Severity;
  riskScore: number;
  enabled: boolean;
  index: string[];
  queryText: string;
  query: CompiledQuery;
  note: string | null;
  threat: NonNullable<RuleFile["rule"]["threat"]>;
  source: string;
};

/** Rendered as `source:line:column: message` so editors and CI logs can jump to it. */
export class RuleLoadError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${source}:${line}:${column}: ${detail}`);
    this.name = "RuleLoadError";
  }
}

/** Parses TOML, validates it, and compiles the EQL; query errors are mapped to file positions. */
export function loadRule(text: string, sourceName: string): LoadedRule {
  let raw: unknown;
  try {
    raw = parseToml(text);
  } catch (error) {
    const e = error as { line?: number; column?: number; message: string };
    throw new RuleLoadError(sourceName, e.line ?? 1, e.column ?? 1, `invalid TOML: ${e.message.split("\n")[0]}`);
  }
  const parsed = ruleFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.join(".");
    const [line, column] = keyPosition(text, String(issue.path[issue.path.length - 1] ?? ""));
    throw new RuleLoadError(sourceName, line, column, `${path || "file"}: ${issue.message}`);
  }
  const { metadata, rule } = parsed.data;
  let query: CompiledQuery;
  try {
    query = compileQuery(rule.query);
  } catch (error) {
    if (!(error instanceof EqlSyntaxError)) throw error;
    const [line, column] = queryPosition(text, rule.query, error.line, error.column);
    throw new RuleLoadError(sourceName, line, column, `query: ${error.detail}`);
  }
  return {
    id: rule.rule_id,
    name: rule.name,
    description: rule.description,
    severity: rule.severity,
    riskScore: rule.risk_score,
    enabled: metadata.lateral_enabled,
    index: rule.index,
    queryText: rule.query,
    query,
    note: rule.note ?? null,
    threat: rule.threat ?? [],
    source: sourceName,
  };
}

/** Finds the query text verbatim (true for `'''` literal strings) to turn query positions into file positions. */
function queryPosition(text: string, query: string, line: number, column: number): [number, number] {
  const at = text.indexOf(query);
  if (at === -1) {
    const [qLine] = keyPosition(text, "query");
    return [qLine + line, column];
  }
  const before = text.slice(0, at);
  const startLine = before.split("\n").length;
  const startColumn = at - before.lastIndexOf("\n");
  return [startLine + line - 1, line === 1 ? startColumn + column - 1 : column];
}

function keyPosition(text: string, key: string): [number, number] {
  const match = key ? new RegExp(`^[ \\t]*${key.replace(/[^\w-]/g, "")}\\s*=`, "m").exec(text) : null;
  if (!match) return [1, 1];
  return [text.slice(0, match.index).split("\n").length, 1];
}
