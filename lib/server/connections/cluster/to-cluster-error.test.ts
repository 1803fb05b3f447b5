import { describe, expect, it } from "vitest";
import { redactSecrets, secretsOf } from "@/lib/server/connections/cluster/redact-secrets";
import { ClusterError } from "@/lib/server/connections/cluster/search-cluster";
import { toClusterError } from "@/lib/server/connections/cluster/to-cluster-error";

const ctx = { vendor: "Elasticsearch", secrets: secretsOf({ kind: "basic", username: "bob", password: "hunter2-long" }), timeoutMs: 1_500 };
const responseError = (statusCode: number, body: unknown, headers: Record<string, string> = {}) =>
  Object.assign(new Error("Response Error"), { name: "ResponseError", meta: { statusCode, headers, body } });
const esBody = (type: string, reason: string) => ({ error: { root_cause: [{ type, reason }], type, reason }, status: 0 });

describe("toClusterError", () => {
  it.each([
    [401, "auth", "Elasticsearch refused the credentials (401 security_exception: unable to authenticate user [bob])"],
    [403, "auth", "Elasticsearch denied access (403 security_exception: unable to authenticate user [bob]); the user or API key needs the read and view_index_metadata privileges on the index patterns"],
    [404, "not_found", "Elasticsearch reports 404 security_exception: unable to authenticate user [bob]"],
    [429, "rate_limited", "Elasticsearch is rejecting requests (429 security_exception: unable to authenticate user [bob])"],
    [502, "unavailable", "Elasticsearch is unavailable (502 security_exception: unable to authenticate user [bob])"],
    [503, "unavailable", "Elasticsearch is unavailable (503 security_exception: unable to authenticate user [bob])"],
    [400, "bad_request", "Elasticsearch rejected the request (400 security_exception: unable to authenticate user [bob])"],
  ] as const)("maps %i to %s", (status, kind, message) => {
    const error = toClusterError(responseError(status, esBody("security_exception", "unable to authenticate user [bob]")), ctx);
    expect(error).toMatchObject({ kind, status, message });
  });

  it("prefers the root cause over the search-phase wrapper, and hints at an expired PIT", () => {
    const body = { error: { root_cause: [{ type: "search_context_missing_exception", reason: "No search context found for id [7]" }], type: "search_phase_execution_exception", reason: "all shards failed" }, status: 404 };
    expect(toClusterError(responseError(404, body), ctx).message).toBe(
      "Elasticsearch reports 404 search_context_missing_exception: No search context found for id [7] — the point in time expired or was closed; open a new one",
    );
  });

  it("reads Retry-After from the answer", () => {
    expect(toClusterError(responseError(429, "Too Many Requests", { "retry-after": "3" }), ctx)).toMatchObject({ kind: "rate_limited", retryAfterMs: 3_000 });
  });

  it("treats a 'Partial shards failure' answer as partial, not as a retryable 503", () => {
    const body = { error: { root_cause: [{ type: "no_shard_available_action_exception", reason: "shard not available" }], type: "search_phase_execution_exception", reason: "Partial shards failure" }, status: 503 };
    expect(toClusterError(responseError(503, body), ctx)).toMatchObject({ kind: "partial", isRetryable: false });
  });

  it.each([
    [Object.assign(new Error("Request timed out"), { name: "TimeoutError" }), "timeout", "Elasticsearch did not answer within 1500 ms"],
    [Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { name: "ConnectionError" }), "network", "Cannot reach Elasticsearch: connect ECONNREFUSED 127.0.0.1:9"],
    [Object.assign(new Error("self-signed certificate in certificate chain"), { name: "ConnectionError" }), "tls", "private CA"],
    [Object.assign(new Error("x"), { name: "ProductNotSupportedError" }), "unsupported", "OpenSearch flavour"],
  ] as const)("classifies thrown %s", (thrown, kind, text) => {
    const error = toClusterError(thrown, ctx);
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(text);
  });

  it("never lets a credential through, whatever the server or library echoed", () => {
    const basic = Buffer.from("bob:hunter2-long").toString("base64");
    const error = toClusterError(responseError(400, esBody("illegal_argument_exception", `bad header Basic ${basic} for hunter2-long`)), ctx);
    expect(error.message).not.toContain("hunter2-long");
    expect(error.message).not.toContain(basic);
    expect(toClusterError(new ClusterError("network", "Cannot reach https://bob:hunter2-long@es:9200"), ctx).message).toBe("Cannot reach https://es:9200");
  });

  it("redacts API keys", () => {
    expect(redactSecrets("key VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw== refused", secretsOf({ kind: "api_key", apiKey: "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==" }))).toBe("key [redacted] refused");
  });
});
