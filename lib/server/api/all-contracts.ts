import * as alerts from "@/lib/server/api/contracts/alerts";
import * as baselines from "@/lib/server/api/contracts/baselines";
import * as connections from "@/lib/server/api/contracts/connections";
import * as system from "@/lib/server/api/contracts/system";
import * as tokens from "@/lib/server/api/contracts/tokens";
import * as trends from "@/lib/server/api/contracts/trends";
import * as uploads from "@/lib/server/api/contracts/uploads";
import * as users from "@/lib/server/api/contracts/users";
import * as views from "@/lib/server/api/contracts/views";
import type { RouteContract } from "@/lib/server/http/contract";

/** Every contract module; the OpenAPI document and the route-coverage test read this list. */
const modules: Record<string, unknown>[] = [system, users, tokens, uploads, alerts, views, trends, baselines, connections];

export const allContracts: RouteContract[] = modules.flatMap((module) =>
  Object.values(module).filter(isContract),
);

function isContract(value: unknown): value is RouteContract {
  return typeof value === "object" && value !== null && "method" in value && "path" in value && "response" in value;
}
