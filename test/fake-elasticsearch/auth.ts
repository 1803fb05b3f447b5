import { esError, type EsHttpError } from "@/test/fake-elasticsearch/es-error";
import type { FakeReply, FakeRequest, FakeState } from "@/test/fake-elasticsearch/fake-types";

const ES_CHALLENGES = ['Basic realm="security", charset="UTF-8"', 'Bearer realm="security"', "ApiKey"];

/** The user behind an accepted request ("_anonymous" with security off), or the 401 to send. */
export function authenticate(req: FakeRequest, state: FakeState): { user: string } | { reply: FakeReply } {
  if (!state.auth) return { user: "_anonymous" };
  const { username, password, apiKey } = state.auth;
  const header = String(req.headers.authorization ?? "");
  const [scheme, token = ""] = header.split(/\s+/, 2);
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(token, "base64").toString("utf8");
    const user = decoded.slice(0, decoded.indexOf(":"));
    if (username !== undefined && decoded === `${username}:${password ?? ""}`) return { user };
    return { reply: unauthorized(state, req, `unable to authenticate user [${user}] for REST request [${req.path}]`) };
  }
  if (/^apikey$/i.test(scheme)) {
    if (apiKey !== undefined && token === apiKey) return { user: "api_key_user" };
    const keyId = Buffer.from(token, "base64").toString("utf8").split(":")[0];
    return { reply: unauthorized(state, req, "unable to authenticate with provided credentials and anonymous access is not allowed for this request", { additional_unsuccessful_credentials: `API key: api key [${keyId}] does not exist` }) };
  }
  return { reply: unauthorized(state, req, `missing authentication credentials for REST request [${req.path}]`) };
}

/** 401 as each product sends it: Elasticsearch a security_exception with challenges, OpenSearch a bare "Unauthorized". */
export function unauthorized(state: FakeState, req: FakeRequest, reason = `unable to authenticate user [lateral] for REST request [${req.path}]`, extra: Record<string, unknown> = {}): FakeReply {
  if (state.flavor === "opensearch") return { status: 401, body: "Unauthorized", headers: { "www-authenticate": 'Basic realm="OpenSearch Security"', "content-type": "text/plain; charset=UTF-8" } };
  const error: EsHttpError = esError(401, { type: "security_exception", reason, ...extra, header: { "WWW-Authenticate": ES_CHALLENGES } });
  return { status: 401, body: error.body, headers: { "www-authenticate": ES_CHALLENGES } };
}

export function forbidden(state: FakeState, action: string, user = "lateral"): FakeReply {
  const reason =
    state.flavor === "opensearch"
      ? `no permissions for [${action}] and User [name=${user}, backend_roles=[], requestedTenant=null]`
      : `action [${action}] is unauthorized for user [${user}] with effective roles [lateral_reader], this action is granted by the index privileges [read,all]`;
  return { status: 403, body: esError(403, { type: "security_exception", reason }).body };
}
