/**
 * An HTTP error in Elasticsearch's shape: `{ error: { root_cause: [...], type, reason, ... }, status }`.
 * Handlers throw it; the server writes it. `cause` becomes the root cause when the top level is a
 * wrapper (search_phase_execution_exception), as Elasticsearch reports shard-level problems.
 */
export class EsHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string | string[]> = {},
  ) {
    super(typeof body === "object" && body !== null ? JSON.stringify(body) : String(body));
  }
}

export type Cause = { type: string; reason: string; [key: string]: unknown };

export function esError(status: number, cause: Cause, wrapper?: Cause & { extra?: Record<string, unknown> }, headers?: Record<string, string | string[]>): EsHttpError {
  if (!wrapper) return new EsHttpError(status, { error: { root_cause: [cause], ...cause }, status }, headers);
  const { extra, ...top } = wrapper;
  return new EsHttpError(status, { error: { root_cause: [cause], ...top, ...extra, caused_by: cause }, status }, headers);
}

export const badRequest = (type: string, reason: string, extra: Record<string, unknown> = {}) => esError(400, { type, reason, ...extra });

export function indexNotFound(name: string): EsHttpError {
  return esError(404, { type: "index_not_found_exception", reason: `no such index [${name}]`, "resource.type": "index_or_alias", "resource.id": name, index_uuid: "_na_", index: name });
}

/** A failure every shard hit, wrapped the way the search phase reports it. */
export function allShardsFailed(status: number, cause: Cause, phase = "query"): EsHttpError {
  return esError(status, cause, {
    type: "search_phase_execution_exception",
    reason: "all shards failed",
    extra: { phase, grouped: true, failed_shards: [{ shard: 0, index: cause.index ?? null, node: "fake-node-0", reason: cause }] },
  });
}

/** The fake does not implement a real Elasticsearch feature: fail loudly, never pretend. */
export function notImplemented(what: string): EsHttpError {
  return esError(500, { type: "fake_not_implemented", reason: `the fake Elasticsearch does not implement ${what}` });
}

export function unrecognizedParameter(path: string, names: string[]): EsHttpError {
  const list = names.map((n) => `[${n}]`).join(", ");
  return badRequest("illegal_argument_exception", `request [${path}] contains unrecognized parameter${names.length > 1 ? "s" : ""}: ${list}`);
}
