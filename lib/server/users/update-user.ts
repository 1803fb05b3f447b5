import type { Role } from "@/lib/roles";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";

/** Role or disabled changes end the user's sessions so the change takes effect at once. */
export async function updateUser(id: string, patch: { role?: Role; disabled?: boolean }, actorId: string) {
  if (id === actorId && (patch.disabled === true || (patch.role && patch.role !== "admin"))) {
    throw new AppError("conflict", "You cannot remove your own admin access");
  }
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { id } });
    if (!existing) throw new AppError("not_found", `No user ${id}`);
    const user = await tx.user.update({ where: { id }, data: patch });
    await tx.session.deleteMany({ where: { userId: id } });
    return user;
  });
}
