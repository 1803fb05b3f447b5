import type { Command } from "commander";
import { disconnect, UsageError } from "@/cli/commands/user";
import { prepareRuntimeEnv } from "@/cli/runtime-env";

export function register(program: Command): void {
  const token = program.command("token").description("manage API tokens");
  token
    .command("create")
    .description("create an API token for a user; prints the token once")
    .requiredOption("--email <email>", "the user the token acts as (with that user's role)")
    .option("--name <name>", "a label for the token", "cli")
    .option("--expires-in-days <days>", "expiry in days (default: never)")
    .action(async (options: { email: string; name: string; expiresInDays?: string }) => {
      const days = options.expiresInDays === undefined ? undefined : Number(options.expiresInDays);
      if (days !== undefined && !(Number.isInteger(days) && days > 0)) throw new UsageError("--expires-in-days must be a positive whole number");
      const { embedded } = await prepareRuntimeEnv();
      try {
        const { findUserByEmail } = await import("@/lib/server/users/find-users");
        const { createApiToken } = await import("@/lib/server/auth/api-tokens");
        const user = await findUserByEmail(options.email);
        if (!user) throw new UsageError(`no user with email ${options.email}`);
        const created = await createApiToken({
          userId: user.id,
          name: options.name,
          expiresAt: days ? new Date(Date.now() + days * 86_400_000) : undefined,
        });
        console.log(created.token);
      } finally {
        await disconnect();
        await embedded?.stop();
      }
    });
}
