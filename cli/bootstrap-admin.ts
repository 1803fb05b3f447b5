import { generatePassword } from "@/cli/commands/user";

/**
 * On an empty user table, creates the first admin: from LATERAL_ADMIN_EMAIL/LATERAL_ADMIN_PASSWORD when
 * given, else admin@lateral.local with a generated password printed once (and nowhere else).
 */
export async function bootstrapAdmin(print: (line: string) => void): Promise<void> {
  const { db } = await import("@/lib/server/db/client");
  if ((await db.user.count()) > 0) return;
  const { createUser } = await import("@/lib/server/users/create-user");
  const email = process.env.LATERAL_ADMIN_EMAIL ?? "admin@lateral.local";
  const given = process.env.LATERAL_ADMIN_PASSWORD;
  const password = given ?? generatePassword();
  await createUser({ email, name: "Administrator", role: "admin", password });
  print("");
  print("  First start: an admin account was created.");
  print(`    email:    ${email}`);
  print(given ? "    password: (from LATERAL_ADMIN_PASSWORD)" : `    password: ${password}   <- shown once; change it or keep it safe`);
  print("");
}
