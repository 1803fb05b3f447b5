import { badRequest, notImplemented } from "@/test/fake-elasticsearch/es-error";

type Body = Record<string, unknown>;

/** The JSON object body of a request ({} when empty). */
export function objectBody(body: unknown): Body {
  if (body === undefined || body === null || body === "") return {};
  if (typeof body !== "object" || Array.isArray(body)) throw badRequest("parsing_exception", "request body must be a JSON object");
  return body as Body;
}

/**
 * Rejects keys real Elasticsearch does not know (`unknownReason` builds its message), and keys it
 * knows but the fake does not implement (500 fake_not_implemented).
 */
export function checkKeys(body: Body, supported: readonly string[], realButUnsupported: readonly string[], unknownReason: (key: string) => string): void {
  for (const key of Object.keys(body)) {
    if (supported.includes(key)) continue;
    if (realButUnsupported.includes(key)) throw notImplemented(`the request field [${key}]`);
    throw badRequest("parsing_exception", unknownReason(key), { line: 1, col: 1 });
  }
}
