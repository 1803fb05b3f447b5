import type { IncomingMessage, ServerResponse } from "node:http";
import { versionAtLeast } from "@/lib/server/connections/cluster/version-at-least";
import { authenticate } from "@/test/fake-elasticsearch/auth";
import { badRequest, EsHttpError } from "@/test/fake-elasticsearch/es-error";
import type { FakeReply, FakeRequest, FakeState } from "@/test/fake-elasticsearch/fake-types";
import { faultReply } from "@/test/fake-elasticsearch/faults";
import { checkMediaType, responseContentType } from "@/test/fake-elasticsearch/media-type";
import { findRoute } from "@/test/fake-elasticsearch/routes";

export type LoggedRequest = { method: string; path: string; query: Record<string, string>; headers: FakeRequest["headers"]; body: unknown; status: number };

/**
 * One HTTP exchange, in the order a cluster (and the proxy in front of it) would apply things:
 * injected faults, content negotiation, authentication, routing, the endpoint.
 */
export async function serve(req: IncomingMessage, res: ServerResponse, state: FakeState, log: LoggedRequest[], delays: Set<NodeJS.Timeout>): Promise<void> {
  const url = new URL(req.url ?? "/", "http://fake");
  const path = url.pathname.split("/").map(safeDecode).join("/");
  const text = await readText(req);
  const request: FakeRequest = { method: req.method ?? "GET", path, query: Object.fromEntries(url.searchParams), headers: req.headers, body: undefined, text };
  const entry: LoggedRequest = { method: request.method, path, query: request.query, headers: req.headers, body: undefined, status: 0 };
  log.push(entry);
  let reply: FakeReply;
  try {
    reply = await answer(request, state, entry, delays);
  } catch (error) {
    reply = error instanceof EsHttpError ? { status: error.status, body: error.body, headers: error.headers } : { status: 500, body: { error: { root_cause: [], type: "fake_internal_error", reason: String(error) }, status: 500 } };
  }
  entry.status = reply.status;
  if (!res.destroyed) write(res, request, reply, state);
}

async function answer(request: FakeRequest, state: FakeState, entry: LoggedRequest, delays: Set<NodeJS.Timeout>): Promise<FakeReply> {
  const match = findRoute(request.method, request.path, state.flavor);
  const action = match.route?.action ?? "unknown";
  const fault = state.faults.takeHttp(request);
  if (fault?.delayMs) await new Promise<void>((resolve) => delays.add(setTimeout(resolve, fault.delayMs)));
  if (fault?.status !== undefined) return faultReply({ ...fault, status: fault.status }, request, state, action);
  checkMediaType(request.headers, request.text !== "", state.flavor, state.version);
  request.body = parseBody(request);
  entry.body = request.body;
  const who = authenticate(request, state);
  if ("reply" in who) return who.reply;
  if (!match.route) {
    const error = match.allowed.length > 0 ? `Incorrect HTTP method for uri [${request.path}] and method [${request.method}], allowed: [${match.allowed.join(", ")}]` : `no handler found for uri [${request.path}] and method [${request.method}]`;
    return { status: match.allowed.length > 0 ? 405 : 400, body: { error, status: match.allowed.length > 0 ? 405 : 400 } };
  }
  return match.route.handler(request, state, match.params);
}

function parseBody(request: FakeRequest): unknown {
  if (request.text === "") return undefined;
  if (/ndjson/.test(String(request.headers["content-type"]))) return request.text;
  try {
    return JSON.parse(request.text);
  } catch (error) {
    throw badRequest("x_content_parse_exception", `[1:1] ${(error as Error).message}`);
  }
}

function write(res: ServerResponse, request: FakeRequest, reply: FakeReply, state: FakeState): void {
  const isText = typeof reply.body === "string";
  const payload = reply.body === undefined ? "" : isText ? (reply.body as string) : JSON.stringify(reply.body);
  const headers: Record<string, string | string[]> = {
    date: new Date(state.now()).toUTCString(),
    "content-type": isText ? "text/plain; charset=UTF-8" : responseContentType(request.headers, state.flavor),
    // Elasticsearch says which product it is from 7.14 on.
    ...(state.flavor === "elasticsearch" && versionAtLeast(state.version, "7.14.0") ? { "x-elastic-product": "Elasticsearch" } : {}),
    ...reply.headers,
    "content-length": String(Buffer.byteLength(payload)),
  };
  res.writeHead(reply.status, headers);
  res.end(request.method === "HEAD" ? undefined : payload);
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
