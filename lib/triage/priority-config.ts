import { z } from "zod";

// Kibana runs the seed rule every 5 minutes over `now-9m`, so 9 minutes is how long a network
// event can trail the PsExec start and still be seen by the same run.
export const DEFAULT_STAGE_WINDOW_MS = 9 * 60 * 1000;

// Programs an attacker typically asks PsExec to launch: shells, credential theft, LOLBins
// that run remote code, and reconnaissance of accounts and sessions.
export const DEFAULT_SENSITIVE_PROCESSES = [
  "cmd.exe",
  "powershell.exe",
  "powershell_ise.exe",
  "pwsh.exe",
  "mimikatz.exe",
  "rundll32.exe",
  "regsvr32.exe",
  "mshta.exe",
  "wmic.exe",
  "wscript.exe",
  "cscript.exe",
  "reg.exe",
  "net.exe",
  "net1.exe",
  "whoami.exe",
  "procdump.exe",
  "procdump64.exe",
  "ntdsutil.exe",
  "vssadmin.exe",
  "certutil.exe",
  "bitsadmin.exe",
  "schtasks.exe",
  "sc.exe",
  "nltest.exe",
  "quser.exe",
  "qwinsta.exe",
  "taskkill.exe",
  "wevtutil.exe",
] as const;

export const priorityConfigSchema = z.object({
  /** How long after the PsExec start a network event (or a target-side child) still belongs to it. */
  stageWindowMs: z.number().int().positive().max(24 * 60 * 60 * 1000).default(DEFAULT_STAGE_WINDOW_MS),
  /** Clock skew tolerated between source and destination hosts when correlating PSEXESVC children. */
  clockSkewMs: z.number().int().nonnegative().max(60 * 60 * 1000).default(60 * 1000),
  /** Process names (basename, case-insensitive); a name without extension also matches `name.exe`. */
  sensitiveProcesses: z
    .array(z.string().trim().min(1))
    .min(1)
    .default([...DEFAULT_SENSITIVE_PROCESSES]),
});

export type PriorityConfig = z.output<typeof priorityConfigSchema>;
export type PriorityConfigInput = z.input<typeof priorityConfigSchema>;

export const DEFAULT_PRIORITY_CONFIG: PriorityConfig = priorityConfigSchema.parse({});

export function parsePriorityConfig(input: unknown): PriorityConfig {
  return priorityConfigSchema.parse(input ?? {});
}
