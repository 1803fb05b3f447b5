import { z } from "zod";
import { access } from "@/lib/roles";
import { defineContract } from "@/lib/server/http/contract";

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const listTokensContract = defineContract({
  method: "GET",
  path: "/api/tokens",
  summary: "Your API tokens (secrets are never returned again)",
  tag: "tokens",
  roles: access.anyone,
  response: z.object({ tokens: z.array(tokenSchema) }),
});

export const createTokenContract = defineContract({
  method: "POST",
  path: "/api/tokens",
  summary: "Create an API token for yourself; the secret is in this response only",
  tag: "tokens",
  roles: access.anyone,
  body: z.strictObject({
    name: z.string().trim().min(1).max(80),
    expiresInDays: z.number().int().min(1).max(366).optional(),
  }),
  response: tokenSchema.extend({ token: z.string() }),
  status: 201,
});

export const revokeTokenContract = defineContract({
  method: "DELETE",
  path: "/api/tokens/{id}",
  summary: "Revoke one of your API tokens",
  tag: "tokens",
  roles: access.anyone,
  params: z.object({ id: z.string().uuid() }),
  response: z.object({ revoked: z.literal(true) }),
});
