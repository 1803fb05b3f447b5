import type { Command } from "commander";
import { prepareRuntimeEnv } from "@/cli/runtime-env";

export function register(program: Command): void {
  program
    .command("worker")
    .description("run the background job worker (uploads, scheduled pulls); several may run at once")
    .action(async () => {
      const { embedded } = await prepareRuntimeEnv();
      const { runWorker } = await import("@/lib/server/jobs/run-worker");
      const stop = new AbortController();
      process.once("SIGINT", () => stop.abort());
      process.once("SIGTERM", () => stop.abort());
      await runWorker(stop.signal);
      const { db } = await import("@/lib/server/db/client");
      await db.$disconnect();
      await embedded?.stop();
    });
}
