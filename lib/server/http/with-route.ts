import { randomUUID } from "node:crypto";
import { z } from "zod";
import { resolveActor, type Actor } from "@/lib/server/auth/actor";
import { hasRole } from "@/lib/roles";
import type { RouteContract } from "@/lib/server/http/contract";
import { AppError, problemResponse } from "@/lib/server/http/problem";
import { readJsonBody } from "@/lib/server/http/read-body";
import { logger } from "@/lib/server/log/logger";

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export type RouteInput<C extends RouteContract> = {
  params: Infer<C["params"]>;
  query: Infer<C["query"]>;
  body: Infer<C["body"]>;
  actor: C["roles"] extends "public" ? Actor | null : Actor;
  request: Request;
  requestId: string;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The single entry of every API route: request id, authentication, role check, CSRF check for cookie
 * sessions, Zod validation of params/query/body, and one error shape. Handlers only see typed input.
 */
export function withRoute<C extends RouteContract>(
  contract: C,
  handler: (input: RouteInput<C>) => Promise<unknown>,
) {
  return async (request: Request, context: NextContext): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    const started = performance.now();
    const log = logger.child({ requestId, method: request.method, route: contract.path });
    try {
      const actor = await authorize(contract, request);
      const params = parseWith(contract.params, await context.params, "path parameters");
      const query = parseWith(contract.query, searchParamsToObject(new URL(request.url).searchParams), "query");
      const body = contract.body
        ? parseWith(contract.body, await readJsonBody(request, contract.maxBodyBytes), "body")
        : undefined;
      const result = await handler({ params, query, body, actor, request, requestId } as RouteInput<C>);
      const response =
        result instanceof Response
          ? result
          : Response.json(result, { status: contract.status ?? 200 });
      response.headers.set("x-request-id", requestId);
      log.info({ status: response.status, ms: Math.round(performance.now() - started), user: actor?.userId }, "request");
      return response;
    } catch (error) {
      const appError = toAppError(error);
      if (appError.status >= 500) log.error({ err: error }, "request failed");
      else log.info({ status: appError.status, code: appError.code }, "request refused");
      return problemResponse(appError, requestId);
    }
  };
}

async function authorize(contract: RouteContract, request: Request): Promise<Actor | null> {
  if (contract.roles === "public") return null;
  const actor = await resolveActor(request.headers);
  if (!actor) throw new AppError("unauthorized", "Sign in or send an API token");
  if (!hasRole(actor.role, contract.roles)) {
    throw new AppError("forbidden", `This needs one of the roles: ${contract.roles.join(", ")}`);
  }
  if (actor.via === "session" && request.method !== "GET") assertSameOrigin(request);
  return actor;
}

/** Cookie-authenticated writes must come from our own pages (SameSite=Lax plus an Origin check). */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "same-origin") return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && new URL(origin).host === host) return;
  throw new AppError("csrf_failed", "Cross-site request refused");
}

function parseWith(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("validation_failed", `Invalid ${where}`, {
    errors: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  });
}

function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError("internal", "Internal error; the request id identifies it in the server log");
}
