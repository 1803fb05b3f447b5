type Cause = { type?: unknown; reason?: unknown; root_cause?: unknown; failed_shards?: unknown };

const MAX_REASON = 400;

/**
 * The `type: reason` an admin needs from an error body. Elasticsearch wraps shard-level problems
 * ("search_phase_execution_exception: all shards failed"), so the first root cause is preferred.
 * Bodies that are not Elasticsearch-shaped (a proxy's HTML, OpenSearch's plain "Unauthorized") are
 * reduced to their first line.
 */
export function errorReason(body: unknown): string {
  if (typeof body === "string") return clip(body.split("\n")[0]?.trim() || "empty response");
  if (!isObject(body)) return "no error details";
  const error = body.error;
  if (typeof error === "string") return clip(error);
  if (!isObject(error)) return typeof body.message === "string" ? clip(body.message) : "no error details";
  const root = Array.isArray(error.root_cause) && isObject(error.root_cause[0]) ? (error.root_cause[0] as Cause) : null;
  const cause = root && typeof root.reason === "string" && root.reason ? root : (error as Cause);
  return clip(format(cause));
}

/** First failure reason of a `_shards.failures` or EQL `shard_failures` list. */
export function shardFailureReason(failures: unknown): string {
  const first = Array.isArray(failures) && isObject(failures[0]) ? failures[0] : null;
  if (!first) return "no reason given";
  return isObject(first.reason) ? clip(format(first.reason as Cause)) : "no reason given";
}

export function errorType(body: unknown): string | undefined {
  if (!isObject(body) || !isObject(body.error)) return undefined;
  const root = Array.isArray(body.error.root_cause) && isObject(body.error.root_cause[0]) ? body.error.root_cause[0] : null;
  const type = root?.type ?? body.error.type;
  return typeof type === "string" ? type : undefined;
}

function format(cause: Cause): string {
  const type = typeof cause.type === "string" ? cause.type : "";
  const reason = typeof cause.reason === "string" ? cause.reason : "";
  return type && reason ? `${type}: ${reason}` : type || reason || "no error details";
}

function clip(text: string): string {
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}…` : text;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
