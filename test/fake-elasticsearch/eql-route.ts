import { compileParsed } from "@/lib/detection/compile-query";
import { Detector, type Detection } from "@/lib/detection/detector";
import { parseQuery } from "@/lib/detection/eql/parse-query";
import { EqlSyntaxError } from "@/lib/detection/eql/syntax-error";
import { versionAtLeast } from "@/lib/server/connections/cluster/version-at-least";
import { dateMs } from "@/test/fake-elasticsearch/dates";
import { requiredFields, usesCategory } from "@/test/fake-elasticsearch/eql-fields";
import { badRequest, esError, notImplemented } from "@/test/fake-elasticsearch/es-error";
import type { FakeReply, FakeRequest, FakeState } from "@/test/fake-elasticsearch/fake-types";
import { fieldValues } from "@/test/fake-elasticsearch/field-values";
import { boolParam, checkParams, indicesOptions, PARAMS } from "@/test/fake-elasticsearch/params";
import { compileDsl } from "@/test/fake-elasticsearch/query-dsl";
import { objectBody } from "@/test/fake-elasticsearch/request-body";
import { searchShards } from "@/test/fake-elasticsearch/shard-search";
import type { Candidate } from "@/test/fake-elasticsearch/sorting";

const PARTIAL_SINCE = "8.18.0";
const SUPPORTED = ["query", "filter", "size", "timestamp_field", "event_category_field", "tiebreaker_field", "result_position", "fetch_size"];
const REAL_UNSUPPORTED = ["case_sensitive", "fields", "runtime_mappings", "keep_alive", "keep_on_completion", "wait_for_completion_timeout", "max_samples_per_key"];

type Timed = Candidate & { ts: number; tiebreak: unknown };

/**
 * `POST /<index>/_eql/search`, evaluated by Lateral's own EQL engine over the documents' `_source`
 * as stored, after the `filter` query; events ordered by @timestamp, the tiebreaker, then shard and
 * doc order. Like Elasticsearch: default size 10, `result_position` tail, unknown fields rejected.
 */
export function handleEql(req: FakeRequest, state: FakeState, [indexExpr]: (string | undefined)[]): FakeReply {
  const partialKnown = versionAtLeast(state.version, PARTIAL_SINCE);
  checkParams(req, [...PARAMS.eql, ...(partialKnown ? PARAMS.eqlPartial : [])]);
  const body = objectBody(req.body);
  for (const key of Object.keys(body)) {
    if (SUPPORTED.includes(key) || (partialKnown && PARAMS.eqlPartial.includes(key as never))) continue;
    if (REAL_UNSUPPORTED.includes(key)) throw notImplemented(`the EQL field [${key}]`);
    throw badRequest("x_content_parse_exception", `[1:1] [eql/search] unknown field [${key}]`);
  }
  if (typeof body.query !== "string") throw badRequest("action_request_validation_exception", "Validation Failed: 1: query is null or empty;");
  for (const [key, expected] of [["timestamp_field", "@timestamp"], ["event_category_field", "event.category"]] as const) {
    if (body[key] !== undefined && body[key] !== expected) throw notImplemented(`${key} other than [${expected}]`);
  }
  const query = compileEql(body.query);
  const names = state.store.resolve(indexExpr, indicesOptions(req, { ignoreUnavailable: true, allowNoIndices: true }));
  const tiebreaker = typeof body.tiebreaker_field === "string" ? body.tiebreaker_field : null;
  if (names.length > 0) verifyFields(query.parsed, names, state, tiebreaker);

  const filters = (body.filter === undefined ? [] : Array.isArray(body.filter) ? body.filter : [body.filter]).map((f) => compileDsl(f, state.now()));
  const fault = state.faults.takeShards(req);
  const { candidates, shards } = searchShards(state.store.shardViews(names), (doc) => filters.every((f) => f(doc)), fault);
  const allowPartial = flag(req, body, "allow_partial_search_results", partialKnown);
  const allowPartialSequences = flag(req, body, "allow_partial_sequence_results", false);
  if (shards.failures && !allowPartial) {
    throw esError(503, shards.failures[0].reason, { type: "search_phase_execution_exception", reason: "Partial shards failure", extra: { phase: "query", grouped: true, failed_shards: shards.failures } });
  }

  const ordered = orderEvents(candidates, tiebreaker);
  const detections = detect(query.compiled, ordered);
  const isSequence = query.compiled.kind === "sequence";
  const dropped = isSequence && shards.failures !== undefined && !allowPartialSequences;
  const size = body.size === undefined ? 10 : Number(body.size);
  const kept = dropped ? [] : body.result_position === "head" ? detections.slice(0, size) : detections.slice(Math.max(0, detections.length - size));
  const hit = (c: Candidate) => ({ _index: c.index, _id: c.doc._id, _source: c.doc._source });
  const byEvent = new Map(ordered.map((c) => [c.doc._source as object, c]));
  const hits = isSequence
    ? { sequences: kept.map((d) => ({ ...(d.joinKeys.length > 0 ? { join_keys: d.joinKeys } : {}), events: d.events.map((e) => hit(byEvent.get(e)!)) })) }
    : { events: kept.map((d) => hit(byEvent.get(d.events[0])!)) };
  return {
    status: 200,
    body: {
      is_partial: shards.failures !== undefined,
      is_running: false,
      took: 1,
      timed_out: false,
      hits: { total: { value: kept.length, relation: "eq" }, ...hits },
      ...(shards.failures ? { shard_failures: shards.failures } : {}),
    },
  };
}

function compileEql(text: string) {
  try {
    const parsed = parseQuery(text);
    return { parsed, compiled: compileParsed(parsed) };
  } catch (error) {
    if (!(error instanceof EqlSyntaxError)) throw error;
    if (/not supported/.test(error.detail)) throw notImplemented(`this EQL feature (${error.detail})`);
    throw badRequest("parsing_exception", `line ${error.line}:${error.column}: ${error.detail}`, { line: error.line, col: error.column });
  }
}

/** Elasticsearch's verifier: every non-optional field must be mapped in some target index. */
function verifyFields(parsed: ReturnType<typeof parseQuery>, names: string[], state: FakeState, tiebreaker: string | null): void {
  const mapped = new Set(names.flatMap((name) => state.store.get(name)?.mapping.leafFields() ?? []));
  const problems = requiredFields(parsed)
    .filter((f) => !mapped.has(f.path))
    .map((f) => `line ${f.pos.line}:${f.pos.column}: Unknown column [${f.path}]`);
  if (usesCategory(parsed) && !mapped.has("event.category")) problems.unshift("line 1:1: Unknown column [event.category]");
  if (tiebreaker && !mapped.has(tiebreaker)) problems.push(`line 1:1: Unknown column [${tiebreaker}]`);
  if (problems.length > 0) {
    throw badRequest("verification_exception", `Found ${problems.length} problem${problems.length > 1 ? "s" : ""}\n${[...new Set(problems)].join("\n")}`);
  }
}

function orderEvents(candidates: Candidate[], tiebreaker: string | null): Timed[] {
  const timed: Timed[] = [];
  for (const c of candidates) {
    const ts = fieldValues(c.doc._source, "@timestamp").map(dateMs).find((v) => v !== null);
    if (ts === undefined || ts === null) continue; // EQL skips events without a timestamp
    timed.push({ ...c, ts, tiebreak: tiebreaker ? fieldValues(c.doc._source, tiebreaker)[0] : undefined });
  }
  return timed.sort((a, b) => a.ts - b.ts || compareTiebreak(a.tiebreak, b.tiebreak) || a.shardOrdinal - b.shardOrdinal || a.docOrdinal - b.docOrdinal);
}

/** Events without a tiebreaker value sort after those with one. */
function compareTiebreak(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}

function detect(query: ReturnType<typeof compileParsed>, ordered: Timed[]): Detection[] {
  const position = new Map(ordered.map((c, i) => [c.doc._source as object, i]));
  const detections: Detection[] = [];
  const detector = new Detector([{ id: "eql", query }], (d) => detections.push(d));
  for (const c of ordered) detector.push(c.doc._source);
  detector.end();
  // Elasticsearch lists sequences by their first event, not by completion.
  return detections.sort((a, b) => position.get(a.events[0])! - position.get(b.events[0])!);
}

function flag(req: FakeRequest, body: Record<string, unknown>, name: string, fallback: boolean): boolean {
  if (typeof body[name] === "boolean") return body[name] as boolean;
  return boolParam(req, name, fallback);
}
