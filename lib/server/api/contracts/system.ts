import { z } from "zod";
import { defineContract } from "@/lib/server/http/contract";

export const healthContract = defineContract({
  method: "GET",
  path: "/api/health",
  summary: "Liveness and readiness: database reachable and migrations current (503 otherwise); each cluster connection's health badge",
  tag: "system",
  roles: "public",
  response: z.object({
    status: z.enum(["ok", "unavailable"]),
    reason: z.string().optional(),
    database: z.object({ reachable: z.boolean(), pendingMigrations: z.array(z.string()) }),
    connections: z.array(z.object({ name: z.string(), health: z.enum(["healthy", "lagging", "failing", "paused", "pending"]) })),
    version: z.string(),
  }),
});

export const openapiContract = defineContract({
  method: "GET",
  path: "/api/openapi.json",
  summary: "This OpenAPI 3.1 document, generated from the routes' Zod schemas",
  tag: "system",
  roles: "public",
  response: z.object({ openapi: z.string() }).passthrough(),
});

export const signInContract = defineContract({
  method: "POST",
  path: "/api/auth/sign-in/email",
  summary: "Sign in with email and password (Better Auth); sets an httpOnly session cookie. Rate-limited per IP.",
  tag: "auth",
  roles: "public",
  body: z.object({ email: z.string().email(), password: z.string(), rememberMe: z.boolean().optional() }),
  response: z.object({ user: z.object({ id: z.string(), email: z.string() }).passthrough() }).passthrough(),
});

export const signOutContract = defineContract({
  method: "POST",
  path: "/api/auth/sign-out",
  summary: "Sign out: deletes the session (Better Auth)",
  tag: "auth",
  roles: "public",
  response: z.object({ success: z.boolean() }),
});
