import type { IncomingHttpHeaders } from "node:http";
import { esError, EsHttpError } from "@/test/fake-elasticsearch/es-error";
import type { FakeFlavor } from "@/test/fake-elasticsearch/fake-types";

const COMPAT = /compatible-with=(\d+)/;

/**
 * Elasticsearch's content negotiation: the versioned media types the 8.x client sends
 * (`application/vnd.elasticsearch+json; compatible-with=8`) are accepted for the current and the
 * previous major, must agree between Accept and Content-Type, and are echoed back. OpenSearch
 * refuses them as a body type (406) and answers GETs without the product header, which is why the
 * Elasticsearch client cannot talk to it.
 */
export function checkMediaType(headers: IncomingHttpHeaders, hasBody: boolean, flavor: FakeFlavor, version: string): void {
  const contentType = hasBody ? (headers["content-type"] ?? "") : undefined;
  if (contentType !== undefined && contentType === "") throw new EsHttpError(406, { error: "Content-Type header is missing", status: 406 });
  if (contentType !== undefined && !/json/.test(contentType)) throw unsupportedContentType(contentType);
  if (flavor === "opensearch") {
    // OpenSearch ignores an Accept it does not know, but refuses such a body.
    if (contentType?.includes("vnd.elasticsearch")) throw unsupportedContentType(contentType);
    return;
  }
  const accept = COMPAT.exec(headers.accept ?? "")?.[1];
  const sent = contentType === undefined ? undefined : COMPAT.exec(contentType)?.[1];
  const major = Number(version.split(".")[0]);
  const valid = (v: string | undefined) => v === undefined || Number(v) === major || Number(v) === major - 1;
  const agree = contentType === undefined || accept === undefined || sent === accept;
  if (!valid(accept) || !valid(sent) || !agree) {
    throw esError(400, { type: "media_type_header_exception", reason: "Invalid media-type value on headers [Content-Type, Accept]" }, {
      type: "media_type_header_exception",
      reason: "Invalid media-type value on headers [Content-Type, Accept]",
      extra: { caused_by: { type: "status_exception", reason: `A compatible version is required on both Content-Type and Accept headers if either one has requested a compatible version and the compatible versions must match. Accept=${headers.accept ?? "null"}, Content-Type=${contentType ?? "null"}` } },
    });
  }
}

/** The content type an Elasticsearch answer carries: the vendored type echoed when asked for. */
export function responseContentType(headers: IncomingHttpHeaders, flavor: FakeFlavor): string {
  if (flavor === "opensearch") return "application/json; charset=UTF-8";
  const compat = COMPAT.exec(headers.accept ?? "")?.[1];
  return compat ? `application/vnd.elasticsearch+json;compatible-with=${compat}` : "application/json";
}

function unsupportedContentType(value: string) {
  return new EsHttpError(406, { error: `Content-Type header [${value}] is not supported`, status: 406 });
}
