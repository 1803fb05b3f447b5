import { randomUUID } from "node:crypto";
import { auth } from "@/lib/server/auth/auth";
import type { Role } from "@/lib/roles";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";

export type CreateUserInput = { email: string; name?: string; role: Role; password: string };

/** Creates the user and its credential account in one transaction, hashing with Better Auth's own KDF. */
export async function createUser(input: CreateUserInput) {
  const email = input.email.trim().toLowerCase();
  const context = await auth.$context;
  const hash = await context.password.hash(input.password);
  const id = randomUUID();
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { id, email, name: input.name ?? email.split("@")[0], role: input.role, emailVerified: true },
      });
      await tx.account.create({
        data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash },
      });
      return user;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("conflict", `A user with email ${email} already exists`);
    }
    throw error;
  }
}
