import type { Command } from "commander";
import { prepareRuntimeEnv } from "@/cli/runtime-env";
import { readStdin } from "@/cli/read-stdin";
import { roles, roleSchema } from "@/lib/roles";

export function register(program: Command): void {
  const user = program.command("user").description("manage users");
  user
    .command("add")
    .description("add a user with a role; the password comes from stdin or is generated and printed once")
    .requiredOption("--email <email>", "sign-in email")
    .requiredOption("--role <role>", `one of: ${roles.join(", ")}`)
    .option("--name <name>", "display name")
    .option("--password-stdin", "read the password from standard input")
    .action(async (options: { email: string; role: string; name?: string; passwordStdin?: boolean }) => {
      const role = roleSchema.safeParse(options.role);
      if (!role.success) throw new UsageError(`--role must be one of: ${roles.join(", ")}`);
      const password = options.passwordStdin ? (await readStdin()).replace(/\r?\n$/, "") : generatePassword();
      if (password.length < 12) throw new UsageError("password must be at least 12 characters");
      const { embedded } = await prepareRuntimeEnv();
      try {
        const { createUser } = await import("@/lib/server/users/create-user");
        const created = await createUser({ email: options.email, name: options.name, role: role.data, password });
        console.log(`Added ${created.email} (${created.role})`);
        if (!options.passwordStdin) console.log(`Password (shown once): ${password}`);
      } finally {
        await disconnect();
        await embedded?.stop();
      }
    });
}

export class UsageError extends Error {
  readonly exitCode = 2;
}

export function generatePassword(): string {
  return crypto.getRandomValues(new Uint8Array(18)).reduce((text, byte) => text + byte.toString(36).padStart(2, "0"), "");
}

export async function disconnect(): Promise<void> {
  const { db } = await import("@/lib/server/db/client");
  await db.$disconnect();
}
