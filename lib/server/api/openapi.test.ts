import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allContracts } from "@/lib/server/api/all-contracts";
import { buildOpenApiDocument } from "@/lib/server/api/openapi";

const apiDir = path.resolve(import.meta.dirname, "../../../app/api");

/** Every route file and the HTTP methods it exports, as OpenAPI paths (`[id]` → `{id}`). */
function routeFiles(dir: string, prefix = "/api"): { path: string; methods: string[]; file: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full, `${prefix}/${entry.name.replace(/^\[((?:\.\.\.)?\w+)\]$/, "{$1}")}`);
    if (entry.name !== "route.ts") return [];
    const source = readFileSync(full, "utf8");
    const methods = [...source.matchAll(/export const (?:\{ )?(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    const destructured = /export const \{ ([A-Z, ]+) \}/.exec(source)?.[1].split(/,\s*/) ?? [];
    return [{ path: prefix, methods: [...new Set([...methods, ...destructured])], file: full }];
  });
}

describe("OpenAPI document", () => {
  const routes = routeFiles(apiDir);

  it("documents every method of every route file", () => {
    const documented = new Set(allContracts.map((c) => `${c.method} ${c.path}`));
    const missing = routes
      .filter((route) => !route.path.includes("{...all}"))
      .flatMap((route) => route.methods.map((method) => `${method} ${route.path}`))
      .filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });

  it("has no contract without a route file behind it", () => {
    const existing = new Set(routes.flatMap((route) => route.methods.map((method) => `${method} ${route.path}`)));
    const authRoutes = allContracts.filter((c) => c.path.startsWith("/api/auth/"));
    const orphans = allContracts.filter((c) => !authRoutes.includes(c) && !existing.has(`${c.method} ${c.path}`));
    expect(orphans.map((c) => `${c.method} ${c.path}`)).toEqual([]);
    expect(routes.some((route) => route.path === "/api/auth/{...all}")).toBe(true);
  });

  it("is valid OpenAPI 3.1 with schemas generated from the Zod contracts", () => {
    const doc = buildOpenApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const createUser = doc.paths["/api/users"].post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown>; additionalProperties?: boolean } } } } };
    const schema = createUser.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(["email", "name", "password", "role"]);
    expect(schema.additionalProperties).toBe(false);
  });
});
