import { Command, CommanderError } from "commander";
import * as detect from "@/cli/commands/detect";
import * as migrate from "@/cli/commands/migrate";
import * as rules from "@/cli/commands/rules";
import * as sample from "@/cli/commands/sample";
import * as serve from "@/cli/commands/serve";
import * as token from "@/cli/commands/token";
import * as user from "@/cli/commands/user";
import * as worker from "@/cli/commands/worker";

/** Each command module adds itself to the program; main only wires them and maps errors to exit codes. */
const commandModules: ((program: Command) => void)[] = [migrate.register, serve.register, user.register, token.register, detect.register, rules.register, worker.register, sample.register];

export async function main(argv: string[]): Promise<number> {
  const program = new Command("lateral")
    .description("Lateral — catch and triage PsExec lateral movement")
    .exitOverride()
    .showHelpAfterError();
  for (const register of commandModules) register(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`lateral: ${error instanceof Error ? error.message : String(error)}\n`);
    return (error as { exitCode?: number }).exitCode ?? 1;
  }
}
