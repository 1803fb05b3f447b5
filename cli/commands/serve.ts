import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Command } from "commander";
import { bootstrapAdmin } from "@/cli/bootstrap-admin";
import { buildIfStale } from "@/cli/build-if-stale";
import { migrateDatabase } from "@/cli/commands/migrate";
import { prepareRuntimeEnv, projectRoot } from "@/cli/runtime-env";

const log = (line: string) => console.log(`[lateral] ${line}`);

export function register(program: Command): void {
  program
    .command("serve")
    .description("migrate, build if needed, then serve the web app and run the background worker")
    .option("--dev", "run next dev instead of a production build")
    .option("--no-worker", "do not start the background worker in this process group")
    .action(async (options: { dev?: boolean; worker: boolean }) => {
      const started = Date.now();
      const { embedded } = await prepareRuntimeEnv({ log });
      await migrateDatabase(log);
      await bootstrapAdmin((line) => console.log(line));
      if (!options.dev) await buildIfStale(log);
      const port = process.env.PORT ?? "3000";
      const next = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
      const children: ChildProcess[] = [
        spawn(process.execPath, [next, options.dev ? "dev" : "start", "-p", port], { cwd: projectRoot, stdio: "inherit", env: process.env }),
      ];
      if (options.worker && hasWorkerCommand(program)) {
        children.push(spawn(process.execPath, [path.join(projectRoot, "bin", "lateral.mjs"), "worker"], { cwd: projectRoot, stdio: "inherit", env: process.env }));
      }
      log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s to start Next on http://localhost:${port}`);
      await waitForExit(children);
      await embedded?.stop();
    });
}

function hasWorkerCommand(program: Command): boolean {
  return program.commands.some((command) => command.name() === "worker");
}

/** Ctrl-C or SIGTERM stops every child; if one child dies the others are stopped too. */
function waitForExit(children: ChildProcess[]): Promise<void> {
  return new Promise((resolve) => {
    let remaining = children.length;
    const stopAll = () => children.forEach((child) => child.exitCode === null && child.kill("SIGTERM"));
    process.once("SIGINT", stopAll);
    process.once("SIGTERM", stopAll);
    for (const child of children) {
      child.on("exit", () => {
        stopAll();
        if (--remaining === 0) resolve();
      });
    }
  });
}
