import { db } from "@/lib/server/db/client";

export async function findUsers() {
  return db.user.findMany({ orderBy: { email: "asc" } });
}

export async function findUserByEmail(email: string) {
  return db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
}

export function toUserDto(user: { id: string; email: string; name: string; role: string; disabled: boolean; createdAt: Date }) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as "analyst" | "lead" | "manager" | "admin",
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
  };
}
