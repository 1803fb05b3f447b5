import { dateMs, looksLikeDate } from "@/test/fake-elasticsearch/dates";
import { esError, notImplemented } from "@/test/fake-elasticsearch/es-error";
import { parsing, singleField, valuesOf, type DocPredicate, type Params } from "@/test/fake-elasticsearch/dsl-helpers";
import { compileRange } from "@/test/fake-elasticsearch/range-query";


// Real query types the fake does not evaluate: a clear 500 instead of Elasticsearch's "unknown query".
const NOT_IMPLEMENTED = new Set(
  "match match_phrase match_phrase_prefix match_bool_prefix multi_match combined_fields query_string simple_query_string regexp fuzzy nested has_child has_parent parent_id geo_bounding_box geo_distance geo_polygon geo_shape shape script script_score function_score dis_max boosting terms_set intervals more_like_this distance_feature rank_feature pinned knn percolate wrapper span_term span_near span_or span_not span_first span_multi span_containing span_within field_masking_span sparse_vector semantic text_expansion weighted_tokens".split(" "),
);

/** Compiles the Query DSL subset Lateral sends; unknown clauses fail like Elasticsearch's parser. */
export function compileDsl(query: unknown, now: number): DocPredicate {
  if (query === undefined || query === null) return () => true;
  const [name, body] = singleKey(query);
  switch (name) {
    case "match_all":
      return () => true;
    case "match_none":
      return () => false;
    case "bool":
      return compileBool(objectBody(name, body), now);
    case "constant_score":
      return compileDsl(objectBody(name, body).filter, now);
    case "term":
      return compileTerm(objectBody(name, body));
    case "terms":
      return compileTerms(objectBody(name, body));
    case "prefix":
    case "wildcard":
      return compilePattern(name, objectBody(name, body));
    case "exists":
      return compileExists(objectBody(name, body));
    case "range":
      return compileRange(objectBody(name, body), now);
    case "ids": {
      const values = objectBody(name, body).values;
      if (!Array.isArray(values)) throw parsing("[ids] query malformed, [values] must be an array");
      const ids = new Set(values.map(String));
      return (doc) => ids.has(doc._id);
    }
    default:
      if (NOT_IMPLEMENTED.has(name)) throw notImplemented(`the [${name}] query`);
      throw unknownQuery(name);
  }
}

function compileBool(body: Params, now: number): DocPredicate {
  for (const key of Object.keys(body)) {
    if (!["must", "filter", "should", "must_not", "minimum_should_match", "boost", "_name", "adjust_pure_negative"].includes(key)) throw parsing(`[bool] query does not support [${key}]`);
  }
  const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).map((q) => compileDsl(q, now));
  const required = [...list(body.must), ...list(body.filter)];
  const excluded = list(body.must_not);
  const should = list(body.should);
  const minimum = minimumShouldMatch(body.minimum_should_match, should.length, required.length);
  return (doc) => {
    if (!required.every((q) => q(doc)) || excluded.some((q) => q(doc))) return false;
    if (minimum === 0) return true;
    let matched = 0;
    for (const q of should) if (q(doc) && ++matched >= minimum) return true;
    return false;
  };
}

function minimumShouldMatch(spec: unknown, shouldCount: number, requiredCount: number): number {
  if (spec === undefined) return shouldCount > 0 && requiredCount === 0 ? 1 : 0;
  const text = String(spec).trim();
  const percent = text.endsWith("%");
  const n = Number.parseInt(text, 10);
  if (Number.isNaN(n)) throw parsing(`[bool] query does not support minimum_should_match [${text}]`);
  const count = percent ? Math.trunc((shouldCount * n) / 100) : n;
  return Math.min(shouldCount, count < 0 ? shouldCount + count : count);
}

function compileTerm(body: Params): DocPredicate {
  const [field, spec] = singleField("term", body);
  const { value, insensitive } = valueSpec("term", spec);
  return (doc) => valuesOf(doc, field).some((v) => termEquals(v, value, insensitive));
}

function compileTerms(body: Params): DocPredicate {
  const fields = Object.keys(body).filter((k) => k !== "boost" && k !== "_name");
  if (fields.length !== 1) throw parsing(`[terms] query requires exactly one field, found ${fields.length}`);
  const values = body[fields[0]];
  if (!Array.isArray(values)) throw parsing(`[terms] query does not support [${fields[0]}]`);
  return (doc) => valuesOf(doc, fields[0]).some((v) => values.some((t) => termEquals(v, t, false)));
}

function compilePattern(kind: "prefix" | "wildcard", body: Params): DocPredicate {
  const [field, spec] = singleField(kind, body);
  const { value, insensitive } = valueSpec(kind, spec);
  const escaped = String(value).replace(/[.+^${}()|[\]\\]/g, "\\$&");
  const source = kind === "prefix" ? `^${escaped.replace(/[*?]/g, "\\$&")}` : `^${escaped.replace(/\*/g, ".*").replace(/\?/g, ".")}$`;
  const re = new RegExp(source, insensitive ? "is" : "s");
  return (doc) => valuesOf(doc, field).some((v) => typeof v === "string" && re.test(v));
}

function compileExists(body: Params): DocPredicate {
  if (typeof body.field !== "string") throw parsing("[exists] must be provided with a [field]");
  const field = body.field;
  return (doc) => valuesOf(doc, field).length > 0;
}

function termEquals(value: unknown, target: unknown, insensitive: boolean): boolean {
  if (typeof value === "object") return false;
  if (typeof value === "number") return value === Number(target);
  if (looksLikeDate(value) && (typeof target === "number" || looksLikeDate(target))) return dateMs(value) === dateMs(target);
  const [a, b] = [String(value), String(target)];
  return insensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function valueSpec(kind: string, spec: unknown): { value: unknown; insensitive: boolean } {
  if (typeof spec !== "object" || spec === null) return { value: spec, insensitive: false };
  const options = spec as Params;
  if (!("value" in options)) throw parsing(`[${kind}] query does not support [${Object.keys(options)[0] ?? ""}]`);
  return { value: options.value, insensitive: options.case_insensitive === true };
}

function singleKey(query: unknown): [string, unknown] {
  if (typeof query !== "object" || query === null || Array.isArray(query)) throw parsing("query malformed, must start with start_object");
  const keys = Object.keys(query);
  if (keys.length !== 1) throw parsing(keys.length === 0 ? "query malformed, empty clause found" : `[${keys[0]}] malformed query, expected [END_OBJECT] but found [FIELD_NAME]`);
  return [keys[0], (query as Params)[keys[0]]];
}

function objectBody(name: string, body: unknown): Params {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw parsing(`[${name}] query malformed, no start_object after query name`);
  return body as Params;
}

function unknownQuery(name: string) {
  return esError(400, { type: "parsing_exception", reason: `unknown query [${name}]`, line: 1, col: 1, caused_by: { type: "named_object_not_found_exception", reason: `[1:1] unknown field [${name}]` } });
}
