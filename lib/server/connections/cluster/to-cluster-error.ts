import { errorReason, errorType, isObject } from "@/lib/server/connections/cluster/error-reason";
import { redactSecrets } from "@/lib/server/connections/cluster/redact-secrets";
import { parseRetryAfterMs } from "@/lib/server/connections/cluster/retry-after";
import { ClusterError, type ClusterErrorKind } from "@/lib/server/connections/cluster/search-cluster";

export type ErrorContext = {
  /** "Elasticsearch", "OpenSearch", or "The cluster" before the flavour is known. */
  vendor: string;
  secrets: string[];
  timeoutMs: number;
};

export type HttpAnswer = { statusCode: number; headers: Record<string, unknown>; body: unknown };

const TLS_PROBLEM = /certificate|self[- ]signed|\bssl\b|\btls\b|wrong version number|unable to verify|altnames|CERT_|ERR_TLS|EPROTO/i;
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/**
 * Maps what the official clients (or node:http) throw to a ClusterError with an actionable,
 * credential-free message. Both clients throw `ResponseError` with `meta.{statusCode,headers,body}`.
 */
export function toClusterError(thrown: unknown, ctx: ErrorContext): ClusterError {
  const error = classify(thrown, ctx);
  return new ClusterError(error.kind, redactSecrets(error.message, ctx.secrets), error.status, error.retryAfterMs);
}

function classify(thrown: unknown, ctx: ErrorContext): ClusterError {
  if (thrown instanceof ClusterError) return thrown;
  const answer = responseOf(thrown);
  if (answer) return fromAnswer(answer, ctx);
  const name = isObject(thrown) && typeof thrown.name === "string" ? thrown.name : "";
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const code = isObject(thrown) && typeof thrown.code === "string" ? thrown.code : "";
  const { vendor } = ctx;
  if (name === "TimeoutError" || TIMEOUT_CODES.has(code)) return new ClusterError("timeout", `${vendor} did not answer within ${ctx.timeoutMs} ms`);
  if (name === "ProductNotSupportedError") {
    return new ClusterError("unsupported", "The server did not identify itself as Elasticsearch (no x-elastic-product header); if it is OpenSearch, choose the OpenSearch flavour");
  }
  if (name === "DeserializationError") return new ClusterError("unsupported", `${vendor} answered with something that is not JSON (a proxy page?)`);
  if (name === "ConfigurationError") return new ClusterError("bad_request", `Invalid connection settings: ${message}`);
  if (TLS_PROBLEM.test(message) || TLS_PROBLEM.test(code)) {
    return new ClusterError(
      "tls",
      `TLS connection to ${midSentence(vendor)} failed (${message}). If the cluster uses a private CA, paste its CA certificate (PEM); check the https:// URL and host name. Turn verification off only for testing.`,
    );
  }
  return new ClusterError("network", `Cannot reach ${midSentence(vendor)}: ${message || code || name || "connection failed"}`);
}

export function fromAnswer({ statusCode: status, headers, body }: HttpAnswer, { vendor }: ErrorContext): ClusterError {
  const label = `${status} ${errorReason(body)}`;
  const retryAfterMs = parseRetryAfterMs(headers["retry-after"], headers["date"]);
  const make = (kind: ClusterErrorKind, message: string) => new ClusterError(kind, message, status, retryAfterMs);
  if (status === 401) return make("auth", `${vendor} refused the credentials (${label})`);
  if (status === 403) return make("auth", `${vendor} denied access (${label}); the user or API key needs the read and view_index_metadata privileges on the index patterns`);
  if (status === 404) {
    const hint = errorType(body) === "search_context_missing_exception" ? " — the point in time expired or was closed; open a new one" : "";
    return make("not_found", `${vendor} reports ${label}${hint}`);
  }
  if (status === 408) return make("timeout", `${vendor} timed out (${label})`);
  if (status === 429) return make("rate_limited", `${vendor} is rejecting requests (${label})`);
  if (isPartialShardsFailure(body)) return make("partial", `${vendor} could not search every shard (${label})`);
  if (status >= 500) return make("unavailable", `${vendor} is unavailable (${label})`);
  return make("bad_request", `${vendor} rejected the request (${label})`);
}

function isPartialShardsFailure(body: unknown): boolean {
  return isObject(body) && isObject(body.error) && body.error.reason === "Partial shards failure";
}

function responseOf(thrown: unknown): HttpAnswer | null {
  if (!isObject(thrown) || thrown.name !== "ResponseError" || !isObject(thrown.meta)) return null;
  const { statusCode, headers, body } = thrown.meta;
  if (typeof statusCode !== "number") return null;
  return { statusCode, headers: isObject(headers) ? headers : {}, body };
}

/** "The cluster" opens a sentence; inside one it reads "the cluster" (product names stay as they are). */
function midSentence(vendor: string): string {
  return vendor.replace(/^The /, "the ");
}
