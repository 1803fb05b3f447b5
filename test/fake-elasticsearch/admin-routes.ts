import { badRequest, EsHttpError } from "@/test/fake-elasticsearch/es-error";
import type { FakeReply, FakeRequest, FakeState } from "@/test/fake-elasticsearch/fake-types";
import { checkParams, indicesOptions, PARAMS } from "@/test/fake-elasticsearch/params";

/** `GET /` as each product answers it. */
export function handleInfo(req: FakeRequest, state: FakeState): FakeReply {
  checkParams(req, PARAMS.info);
  const common = { name: state.nodeName, cluster_name: state.clusterName, cluster_uuid: state.clusterUuid };
  if (state.flavor === "opensearch") {
    const version = { distribution: "opensearch", number: state.version, build_type: "tar", build_hash: "fake0000", build_date: "2025-01-01T00:00:00.000000Z", build_snapshot: false, lucene_version: "9.12.1", minimum_wire_compatibility_version: "7.10.0", minimum_index_compatibility_version: "7.0.0" };
    return { status: 200, body: { ...common, version, tagline: "The OpenSearch Project: https://opensearch.org/" } };
  }
  const version = { number: state.version, build_flavor: "default", build_type: "docker", build_hash: "fake0000", build_date: "2025-01-01T00:00:00.000Z", build_snapshot: false, lucene_version: "9.12.2", minimum_wire_compatibility_version: "7.17.0", minimum_index_compatibility_version: "7.0.0" };
  return { status: 200, body: { ...common, version, tagline: "You Know, for Search" } };
}

/** `GET /_resolve/index/<expr>`: plain indices only (the fake has no aliases or data streams). */
export function handleResolveIndex(req: FakeRequest, state: FakeState, [expr]: (string | undefined)[]): FakeReply {
  checkParams(req, PARAMS.resolveIndex);
  const names = state.store.resolve(expr, indicesOptions(req, { ignoreUnavailable: false, allowNoIndices: true }));
  return { status: 200, body: { indices: names.map((name) => ({ name, attributes: ["open"] })), aliases: [], data_streams: [] } };
}

/** `GET /_cat/indices[/<expr>]`; `format=json` gives records with string values, else a text table. */
export function handleCatIndices(req: FakeRequest, state: FakeState, [expr]: (string | undefined)[]): FakeReply {
  checkParams(req, PARAMS.catIndices);
  const names = state.store.resolve(expr, indicesOptions(req, { ignoreUnavailable: false, allowNoIndices: true }));
  const rows = names.map((name) => {
    const index = state.store.get(name)!;
    const count = String(state.store.docCount(name));
    return { health: "green", status: "open", index: name, uuid: index.uuid, pri: String(index.shards.length), rep: "0", "docs.count": count, "docs.deleted": "0", "store.size": "1kb", "pri.store.size": "1kb" } as Record<string, string>;
  });
  const columns = req.query.h ? req.query.h.split(",") : Object.keys(rows[0] ?? { health: "", status: "", index: "" });
  const picked = rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
  if (req.query.format === "json") return { status: 200, body: picked };
  const text = picked.map((row) => columns.map((c) => row[c] ?? "").join(" ")).join("\n");
  return { status: 200, body: text ? `${text}\n` : "", headers: { "content-type": "text/plain; charset=UTF-8" } };
}

/** `POST /_bulk` with NDJSON `index`/`create`/`delete` actions (handy for seeding through a real client). */
export function handleBulk(req: FakeRequest, state: FakeState, [pathIndex]: (string | undefined)[]): FakeReply {
  checkParams(req, PARAMS.bulk);
  const lines = req.text.split("\n").filter((line) => line.trim() !== "");
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < lines.length; i++) {
    const action = parseLine(lines[i]);
    const [op, meta] = Object.entries(action)[0] ?? [];
    if (!["index", "create", "delete"].includes(op ?? "")) throw badRequest("illegal_argument_exception", `Malformed action/metadata line [${i + 1}], expected one of [create, delete, index, update] but found [${op}]`);
    const { _index = pathIndex, _id } = (meta ?? {}) as { _index?: string; _id?: string };
    if (!_index) throw badRequest("action_request_validation_exception", "Validation Failed: 1: index is missing;");
    if (op === "delete") {
      const found = state.store.delete(_index, String(_id));
      items.push({ delete: { _index, _id, result: found ? "deleted" : "not_found", status: found ? 200 : 404 } });
      continue;
    }
    const source = parseLine(lines[++i] ?? "");
    try {
      const put = state.store.put(_index, _id === undefined ? undefined : String(_id), source, op as "index" | "create");
      items.push({ [op!]: { _index, _id: put.doc._id, _version: put.doc.version, result: put.result, _shards: { total: 1, successful: 1, failed: 0 }, _seq_no: put.doc.seqNo, _primary_term: 1, status: put.result === "created" ? 201 : 200 } });
    } catch (error) {
      if (!(error instanceof EsHttpError)) throw error;
      const cause = (error.body as { error: Record<string, unknown> }).error;
      const { root_cause: _root, ...rest } = cause;
      items.push({ [op!]: { _index, _id, status: error.status, error: rest } });
    }
  }
  return { status: 200, body: { errors: items.some((item) => Object.values(item).some((result) => (result as { error?: unknown }).error !== undefined)), took: 1, items } };
}

function parseLine(line: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // falls through to the parse error below
  }
  throw badRequest("x_content_parse_exception", `[1:1] Unexpected token in bulk line: ${line.slice(0, 80)}`);
}
