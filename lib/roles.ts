import { z } from "zod";

export const roles = ["analyst", "lead", "manager", "admin"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Who may do what; routes and pages name one of these instead of listing roles ad hoc. */
export const access = {
  anyone: roles,
  triage: ["analyst", "lead", "admin"],
  baselineWrite: ["lead", "admin"],
  trends: ["manager", "lead", "admin", "analyst"],
  admin: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export function hasRole(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
