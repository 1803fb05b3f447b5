import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { resolveActor, type Actor } from "@/lib/server/auth/actor";
import { hasRole, type Role } from "@/lib/roles";

/** Pages call this first: no session → sign-in (coming back afterwards), wrong role → 403 page. */
export async function requirePageActor(allowed: readonly Role[], returnTo: string): Promise<Actor> {
  const actor = await resolveActor(await headers()).catch(() => null);
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (!hasRole(actor.role, allowed)) forbidden();
  return actor;
}
