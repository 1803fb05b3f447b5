import type { EventQuery, FieldRef, Query, SequenceStage } from "@/lib/detection/eql/ast";
import { compileCondition, type Predicate } from "@/lib/detection/eql/compile-expression";
import { fieldAccessor } from "@/lib/detection/eql/field-accessor";
import { parseQuery } from "@/lib/detection/eql/parse-query";
import { EqlSyntaxError } from "@/lib/detection/eql/syntax-error";
import type { CompiledQuery, CompiledStage } from "@/lib/detection/compiled-query";

/** Parses and compiles EQL text; every unsupported feature is an EqlSyntaxError here, never at match time. */
export function compileQuery(source: string): CompiledQuery {
  return compileParsed(parseQuery(source));
}

export function compileParsed(query: Query): CompiledQuery {
  const { body, pipes } = query;
  if (body.kind === "sample") throw at(body.pos, "expected 'sequence' or '<category> where', found 'sample' (sample queries are not supported by this engine)");
  if (body.kind === "event") {
    let matches = compileEvent(body);
    for (const pipe of pipes) {
      if (pipe.kind !== "filter") continue;
      const [base, extra] = [matches, compileCondition(pipe.condition)];
      matches = (e) => base(e) && extra(e);
    }
    return { kind: "event", matches, pipes: pipes.filter((p) => p.kind !== "filter") };
  }
  const filter = pipes.find((p) => p.kind === "filter");
  if (filter) throw at(filter.pos, "expected 'head' or 'tail' after a sequence, found 'filter' (filter on sequences is not supported)");
  const missing = body.stages.find((s) => s.missing);
  if (missing) throw at(missing.pos, "expected '[', found '!' (missing-event stages are not supported by this engine)");
  const stages: CompiledStage[] = body.stages.flatMap((s) => Array.from({ length: s.runs }, () => compileStage(s, body.by)));
  const until = body.until ? compileStage(body.until, body.by) : null;
  const keyCount = stages[0].keys.length;
  for (const s of [...body.stages, ...(body.until ? [body.until] : [])]) {
    if (body.by.length + s.by.length !== keyCount) {
      throw at(s.pos, `expected ${keyCount} join keys like the first stage, found ${body.by.length + s.by.length}`);
    }
  }
  return { kind: "sequence", stages, until, maxspanMs: body.maxspanMs, pipes };
}

function compileStage(stage: SequenceStage, sequenceBy: FieldRef[]): CompiledStage {
  const keys = [...sequenceBy, ...stage.by].map((f) => ({ path: f.path, get: fieldAccessor(f.path), optional: f.optional }));
  return { matches: compileEvent(stage.query), keys };
}

/** `process where …` adds a case-sensitive term on `event.category` (any element), as ES does. */
function compileEvent(query: EventQuery): Predicate {
  const condition = compileCondition(query.condition);
  if (query.category === null) return condition;
  const category = query.category;
  const get = fieldAccessor("event.category");
  return (e) => {
    const c = get(e);
    const hit = Array.isArray(c) ? c.includes(category) : c === category;
    return hit && condition(e);
  };
}

const at = (pos: { line: number; column: number }, message: string) => new EqlSyntaxError(message, pos.line, pos.column);
