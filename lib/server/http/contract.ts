import type { z } from "zod";
import type { Role } from "@/lib/roles";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * Everything the outside world may know about a route: it drives validation in `withRoute` and the
 * OpenAPI document, so the two cannot drift apart.
 */
export type RouteContract = {
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/api/alerts/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** `public` means no authentication at all. */
  roles: readonly Role[] | "public";
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Raw bodies (uploads) are streamed by the handler instead of parsed. */
  rawBody?: { contentTypes: string[]; description: string };
  response: z.ZodType;
  status?: number;
  maxBodyBytes?: number;
};

export function defineContract<const C extends RouteContract>(contract: C): C {
  return contract;
}
