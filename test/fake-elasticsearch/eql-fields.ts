import type { Expr, FieldRef, Query } from "@/lib/detection/eql/ast";

/**
 * The non-optional fields a query reads, with their positions: Elasticsearch's verifier rejects
 * a query naming a field that no target index maps ("Unknown column"), while Lateral's engine
 * would read it as null. The fake reproduces the rejection against the fields its documents have.
 */
export function requiredFields(query: Query): FieldRef[] {
  const out: FieldRef[] = [];
  const { body, pipes } = query;
  if (body.kind === "event") walk(body.condition, out);
  else {
    out.push(...body.by);
    for (const stage of [...body.stages, ...(body.kind === "sequence" && body.until ? [body.until] : [])]) {
      walk(stage.query.condition, out);
      out.push(...stage.by);
    }
  }
  for (const pipe of pipes) if (pipe.kind === "filter") walk(pipe.condition, out);
  return out.filter((f) => !f.optional);
}

export function usesCategory(query: Query): boolean {
  const { body } = query;
  if (body.kind === "event") return body.category !== null;
  return body.stages.some((s) => s.query.category !== null);
}

function walk(expr: Expr, out: FieldRef[]): void {
  switch (expr.kind) {
    case "field":
      out.push(expr);
      return;
    case "literal":
      return;
    case "and":
    case "or":
    case "compare":
    case "arith":
      walk(expr.left, out);
      walk(expr.right, out);
      return;
    case "not":
    case "negate":
      walk(expr.operand, out);
      return;
    case "match":
      walk(expr.left, out);
      expr.patterns.forEach((p) => walk(p, out));
      return;
    case "in":
      walk(expr.left, out);
      expr.list.forEach((p) => walk(p, out));
      return;
    case "call":
      expr.args.forEach((a) => walk(a, out));
      return;
  }
}
