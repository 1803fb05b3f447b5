import type { Command } from "commander";
import { disconnect } from "@/cli/commands/user";
import { prepareRuntimeEnv } from "@/cli/runtime-env";

export function register(program: Command): void {
  program
    .command("sample")
    .description("queue the bundled SYNTHETIC sample dataset (Low, Medium and High PsExec alerts in three formats)")
    .action(async () => {
      const { embedded } = await prepareRuntimeEnv();
      try {
        const { loadSampleData } = await import("@/lib/server/uploads/load-sample-data");
        for (const upload of await loadSampleData(null)) console.log(`${upload.fileName}: ${upload.status} (${upload.id})`);
        console.log("The worker (started by npm start) processes them; alerts appear on the Alerts page.");
      } finally {
        await disconnect();
        await embedded?.stop();
      }
    });
}
