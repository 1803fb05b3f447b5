import type { EventQuery, FieldRef, Pipe, Query, QueryBody, SequenceStage } from "@/lib/detection/eql/ast";
import { tokenize } from "@/lib/detection/eql/lexer";
import { parseExpression, parseField } from "@/lib/detection/eql/parse-expression";
import { TokenStream } from "@/lib/detection/eql/token-stream";

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses a full EQL query (event, sequence or sample, plus pipes). Throws EqlSyntaxError. */
export function parseQuery(source: string): Query {
  const ts = new TokenStream(tokenize(source));
  const body = parseBody(ts);
  const pipes: Pipe[] = [];
  while (ts.acceptPunct("|")) pipes.push(parsePipe(ts));
  if (ts.peek().kind !== "eof") ts.fail(pipes.length || body.kind !== "event" ? "'|' or end of query" : "'and', 'or', '|' or end of query");
  return { body, pipes };
}

function parseBody(ts: TokenStream): QueryBody {
  const t = ts.peek();
  if (ts.acceptWord("sequence")) return parseSequence(ts, t.pos);
  if (ts.acceptWord("sample")) {
    const by = ts.acceptWord("by") ? parseFieldList(ts) : [];
    const stages = parseStages(ts, false);
    return { kind: "sample", by, stages, pos: t.pos };
  }
  if (ts.isWord("join")) ts.failAt(t, "expected 'sequence', 'sample' or '<category> where', found 'join' (join queries are not supported by Elasticsearch EQL)");
  return parseEventQuery(ts);
}

function parseSequence(ts: TokenStream, pos: SequenceStage["pos"]): QueryBody {
  let by: FieldRef[] = [];
  let maxspanMs: number | null = null;
  for (let round = 0; round < 2; round++) {
    if (by.length === 0 && ts.acceptWord("by")) by = parseFieldList(ts);
    if (maxspanMs === null && ts.acceptWord("with")) {
      ts.expectWord("maxspan");
      ts.expectPunct("=");
      maxspanMs = parseTimeSpan(ts);
    }
  }
  const stages = parseStages(ts, true);
  let until: SequenceStage | null = null;
  if (ts.acceptWord("until")) until = parseStage(ts, false);
  return { kind: "sequence", by, maxspanMs, stages, until, pos };
}

function parseStages(ts: TokenStream, allowMissing: boolean): SequenceStage[] {
  const stages: SequenceStage[] = [];
  while (ts.isPunct("[") || (ts.isPunct("!") && ts.isPunct("[", 1))) stages.push(parseStage(ts, allowMissing));
  // `[q] with runs=3` alone is a valid three-stage sequence, so count stages after expansion.
  if (stages.reduce((n, s) => n + s.runs, 0) < 2) ts.fail(stages.length === 0 ? "'['" : "'[' (a sequence needs at least two stages)");
  return stages;
}

function parseStage(ts: TokenStream, allowMissing: boolean): SequenceStage {
  const start = ts.peek();
  const missing = ts.acceptPunct("!");
  if (missing && !allowMissing) ts.failAt(start, "expected '[', found '!' (missing events are only allowed in sequences)");
  ts.expectPunct("[");
  const query = parseEventQuery(ts);
  const queryEnd = ts.peek().pos.offset;
  ts.expectPunct("]");
  const by = ts.acceptWord("by") ? parseFieldList(ts) : [];
  let runs = 1;
  if (ts.isWord("with") && ts.isWord("runs", 1)) {
    ts.next();
    ts.next();
    ts.expectPunct("=");
    const n = ts.peek();
    if (n.kind !== "number" || !Number.isInteger(n.value) || (n.value as number) < 1 || (n.value as number) > 100) ts.fail("an integer between 1 and 100 for runs");
    runs = ts.next().value as number;
  }
  return { query, by, missing, runs, pos: start.pos, queryEnd };
}

function parseEventQuery(ts: TokenStream): EventQuery {
  const t = ts.peek();
  if (t.kind !== "word" && t.kind !== "string" && t.kind !== "quoted-ident") ts.fail("an event category, 'sequence' or 'sample'");
  ts.next();
  ts.expectWord("where");
  const condition = parseExpression(ts);
  const category = t.kind === "word" && t.text === "any" ? null : String(t.value);
  return { kind: "event", category, condition, pos: t.pos };
}

function parseFieldList(ts: TokenStream): FieldRef[] {
  const fields = [parseField(ts)];
  while (ts.acceptPunct(",")) fields.push(parseField(ts));
  return fields;
}

function parseTimeSpan(ts: TokenStream): number {
  const n = ts.peek();
  if (n.kind !== "number") ts.fail("a time span such as 30s, 5m or 1h");
  ts.next();
  const unit = ts.peek();
  if (unit.kind !== "word" || !(unit.text in UNIT_MS) || unit.pos.offset !== n.pos.offset + n.text.length) {
    ts.fail("a time unit (ms, s, m, h, d) right after the number");
  }
  ts.next();
  return (n.value as number) * UNIT_MS[unit.text];
}

function parsePipe(ts: TokenStream): Pipe {
  const t = ts.peek();
  if (ts.acceptWord("head") || ts.acceptWord("tail")) {
    const n = ts.peek();
    if (n.kind !== "number" || !Number.isInteger(n.value) || (n.value as number) < 0) ts.fail("a non-negative integer");
    ts.next();
    return { kind: t.text as "head" | "tail", count: n.value as number, pos: t.pos };
  }
  if (ts.acceptWord("filter")) return { kind: "filter", condition: parseExpression(ts), pos: t.pos };
  return ts.fail("a supported pipe (head, tail, filter)");
}
