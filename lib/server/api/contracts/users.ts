import { z } from "zod";
import { access, roleSchema } from "@/lib/roles";
import { defineContract } from "@/lib/server/http/contract";

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});

export const meContract = defineContract({
  method: "GET",
  path: "/api/me",
  summary: "The signed-in user (session or API token)",
  tag: "users",
  roles: access.anyone,
  response: z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema, via: z.enum(["session", "token"]) }),
});

export const listUsersContract = defineContract({
  method: "GET",
  path: "/api/users",
  summary: "All users (admin)",
  tag: "users",
  roles: access.admin,
  response: z.object({ users: z.array(userSchema) }),
});

export const createUserBody = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(120).optional(),
  role: roleSchema,
  password: z.string().min(12, "at least 12 characters").max(256),
});

export const createUserContract = defineContract({
  method: "POST",
  path: "/api/users",
  summary: "Add a user with a role (admin)",
  tag: "users",
  roles: access.admin,
  body: createUserBody,
  response: userSchema,
  status: 201,
});

export const updateUserContract = defineContract({
  method: "PATCH",
  path: "/api/users/{id}",
  summary: "Change a user's role or disable them (admin); disabling ends their sessions",
  tag: "users",
  roles: access.admin,
  params: z.object({ id: z.string().uuid() }),
  body: z.strictObject({ role: roleSchema.optional(), disabled: z.boolean().optional() }),
  response: userSchema,
});
