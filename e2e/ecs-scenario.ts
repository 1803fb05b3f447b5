// SYNTHETIC ECS events for browser tests: PsExec start + network connection pairs (the seed rule's sequence).
export type PsExecRun = { host: string; user: string; commandLine: string; target: string; at: Date; entity: string };

export function psexecRunsNdjson(runs: PsExecRun[]): string {
  const lines: object[] = [];
  for (const run of runs) {
    const base = { host: { name: run.host, os: { type: "windows" } }, user: { name: run.user, domain: "CORP" } };
    lines.push({
      ...base,
      "@timestamp": run.at.toISOString(),
      event: { category: ["process"], type: ["start"], code: "1" },
      process: { entity_id: run.entity, name: "PsExec.exe", executable: "C:\\Tools\\PsExec.exe", command_line: run.commandLine, args: ["C:\\Tools\\PsExec.exe", "-accepteula", `\\\\${run.target}`, "hostname"] },
    });
    lines.push({
      ...base,
      "@timestamp": new Date(run.at.getTime() + 500).toISOString(),
      event: { category: ["network"], type: ["start", "connection", "protocol"], code: "3" },
      process: { entity_id: run.entity, name: "PsExec.exe", executable: "C:\\Tools\\PsExec.exe" },
      destination: { ip: "10.20.0.9", port: 445 },
    });
  }
  return lines.map((line) => JSON.stringify(line)).join("\n") + "\n";
}
