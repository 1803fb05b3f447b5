import { badRequest } from "@/test/fake-elasticsearch/es-error";
import type { FakeReply, FakeRequest, FakeState } from "@/test/fake-elasticsearch/fake-types";
import { boolParam, checkParams, indicesOptions, PARAMS } from "@/test/fake-elasticsearch/params";
import { objectBody } from "@/test/fake-elasticsearch/request-body";

/** Elasticsearch `POST /<index>/_pit?keep_alive=` → `{ id, _shards }`. */
export function handleOpenPit(req: FakeRequest, state: FakeState, [indexExpr]: (string | undefined)[]): FakeReply {
  checkParams(req, PARAMS.openPit);
  const pit = openPit(req, state, indexExpr, { ignoreUnavailable: boolParam(req, "ignore_unavailable", false), allowNoIndices: true });
  return { status: 200, body: { id: pit.id, _shards: pit.shards } };
}

/** Elasticsearch `DELETE /_pit {id}`: 404 with `num_freed: 0` when it had already gone. */
export function handleClosePit(req: FakeRequest, state: FakeState): FakeReply {
  checkParams(req, PARAMS.closePit);
  const { id } = objectBody(req.body);
  if (typeof id !== "string") throw badRequest("action_request_validation_exception", "Validation Failed: 1: [id] is not specified;");
  const freed = state.pits.close(id);
  return { status: freed ? 200 : 404, body: { succeeded: true, num_freed: freed ? 1 : 0 } };
}

/** OpenSearch `POST /<index>/_search/point_in_time?keep_alive=` → `{ pit_id, _shards, creation_time }`. */
export function handleCreatePitOpenSearch(req: FakeRequest, state: FakeState, [indexExpr]: (string | undefined)[]): FakeReply {
  checkParams(req, PARAMS.createPitOpenSearch);
  const pit = openPit(req, state, indexExpr, indicesOptions(req, { ignoreUnavailable: false, allowNoIndices: true }));
  return { status: 200, body: { pit_id: pit.id, _shards: pit.shards, creation_time: state.now() } };
}

/** OpenSearch `DELETE /_search/point_in_time {pit_id: [...]}` (or `/_all`). */
export function handleDeletePitOpenSearch(req: FakeRequest, state: FakeState, [all]: (string | undefined)[]): FakeReply {
  checkParams(req, PARAMS.deletePitOpenSearch);
  if (all === "_all") {
    state.pits.clear();
    return { status: 200, body: { pits: [] } };
  }
  const ids = objectBody(req.body).pit_id;
  if (!Array.isArray(ids) || ids.length === 0) throw badRequest("action_request_validation_exception", "Validation Failed: 1: No pit ids specified;");
  return { status: 200, body: { pits: ids.map((id) => ({ successful: state.pits.close(String(id)), pit_id: String(id) })) } };
}

function openPit(req: FakeRequest, state: FakeState, indexExpr: string | undefined, options: { ignoreUnavailable: boolean; allowNoIndices: boolean }) {
  const keepAlive = req.query.keep_alive;
  if (!keepAlive) throw badRequest("action_request_validation_exception", "Validation Failed: 1: [keep_alive] is not specified;");
  const views = state.store.shardViews(state.store.resolve(indexExpr, options), true);
  const pit = state.pits.open(views, keepAlive);
  return { id: pit.id, shards: { total: views.length, successful: views.length, skipped: 0, failed: 0 } };
}
