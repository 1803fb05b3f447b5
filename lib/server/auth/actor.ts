import { auth } from "@/lib/server/auth/auth";
import { findUserByApiToken } from "@/lib/server/auth/api-tokens";
import { roleSchema, type Role } from "@/lib/roles";
import { AppError } from "@/lib/server/http/problem";

/** The authenticated caller of a request, however it authenticated. */
export type Actor = { userId: string; email: string; name: string; role: Role; via: "session" | "token" };

export async function resolveActor(headers: Headers): Promise<Actor | null> {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new AppError("unauthorized", "Authorization header must be 'Bearer <token>'");
    const lookup = await findUserByApiToken(match[1]);
    if (!lookup.ok) throw new AppError("unauthorized", `API token is ${lookup.reason}`);
    return { ...lookup.user, userId: lookup.user.id, role: roleSchema.parse(lookup.user.role), via: "token" };
  }
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string; disabled?: boolean };
  if (user.disabled) return null;
  return { userId: user.id, email: user.email, name: user.name, role: roleSchema.parse(user.role), via: "session" };
}
