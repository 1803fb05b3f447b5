import { z } from "zod";
import { allContracts } from "@/lib/server/api/all-contracts";
import type { RouteContract } from "@/lib/server/http/contract";

const problemSchema = {
  type: "object",
  required: ["type", "title", "status", "code", "detail", "requestId"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    code: { type: "string" },
    detail: { type: "string" },
    requestId: { type: "string" },
    errors: { type: "array", items: { type: "object" } },
  },
};

/** OpenAPI 3.1 from the route contracts: Zod 4 emits JSON Schema 2020-12, which 3.1 uses as is. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const contract of allContracts) {
    paths[contract.path] ??= {};
    paths[contract.path][contract.method.toLowerCase()] = operation(contract);
  }
  return {
    openapi: "3.1.0",
    info: { title: "Lateral API", version: "0.1.0", description: "PsExec lateral-movement detection and triage." },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API token created in the UI or with `lateral token create`" },
        session: { type: "apiKey", in: "cookie", name: "__Secure-lateral.session_token" },
      },
      schemas: { Problem: problemSchema },
    },
    paths,
  };
}

function operation(contract: RouteContract) {
  const parameters = [
    ...objectParameters(contract.params, "path"),
    ...objectParameters(contract.query, "query"),
  ];
  const okStatus = String(contract.status ?? 200);
  return {
    summary: contract.summary,
    tags: [contract.tag],
    operationId: `${contract.method.toLowerCase()}${contract.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    security: contract.roles === "public" ? [] : [{ bearer: [] }, { session: [] }],
    "x-roles": contract.roles,
    parameters: parameters.length ? parameters : undefined,
    requestBody: requestBody(contract),
    responses: {
      [okStatus]: { description: "Success", content: { "application/json": { schema: jsonSchema(contract.response, "output") } } },
      default: { description: "Error (RFC 9457 problem)", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
    },
  };
}

function requestBody(contract: RouteContract) {
  if (contract.body) {
    return { required: true, content: { "application/json": { schema: jsonSchema(contract.body, "input") } } };
  }
  if (contract.rawBody) {
    const content = Object.fromEntries(contract.rawBody.contentTypes.map((type) => [type, { schema: { type: "string", format: "binary" } }]));
    return { required: true, description: contract.rawBody.description, content };
  }
  return undefined;
}

function objectParameters(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!schema) return [];
  const json = jsonSchema(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}
