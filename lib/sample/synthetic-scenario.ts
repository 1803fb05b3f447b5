import type { RawWinEvent } from "@/lib/sample/raw-win-event";

// SYNTHETIC data, made by this project: no public real log holds a complete PsExec positive
// (see shared/data/README.md). Three PsExec runs give one Low, one Medium and one High alert.
const SYSMON = "Microsoft-Windows-Sysmon/Operational";
const SYSMON_PROVIDER = "Microsoft-Windows-Sysmon";
const PSEXEC = "C:\\Tools\\PSTools\\PsExec.exe";

type Host = { name: string; ip: string };
const hosts = {
  ws01: { name: "WS01.corp.example", ip: "10.10.1.21" },
  ws02: { name: "WS02.corp.example", ip: "10.10.1.22" },
  ws03: { name: "WS03.corp.example", ip: "10.10.1.23" },
  srv01: { name: "SRV01.corp.example", ip: "10.10.5.11" },
  srv02: { name: "SRV02.corp.example", ip: "10.10.5.12" },
} satisfies Record<string, Host>;

export type ScenarioOptions = { start: Date; noise?: number };

/** The scenario as raw Windows records, in time order, with per-host record ids. */
export function syntheticScenario({ start, noise = 120 }: ScenarioOptions): RawWinEvent[] {
  const builder = new ScenarioBuilder(start.getTime());
  for (let i = 0; i < noise; i++) builder.benign(i);
  // Medium: alice runs a harmless command on SRV01; PsExec connects to it.
  builder.psexec({ host: hosts.ws01, user: "CORP\\alice", guid: "{5a1e0000-0001-6001-0100-000000000a01}", target: hosts.srv01, command: "ipconfig /all", at: 60_000, connect: true });
  // High: mallory asks PsExec for a SYSTEM shell on SRV02; PSEXESVC starts cmd.exe there.
  builder.psexec({ host: hosts.ws02, user: "CORP\\mallory", guid: "{5a1e0000-0002-6002-0200-000000000b02}", target: hosts.srv02, command: "-s cmd.exe /c whoami", at: 180_000, connect: true });
  builder.targetShell({ host: hosts.srv02, at: 181_500, childCommand: "cmd.exe /c whoami" });
  // Low: bob starts PsExec with -accepteula, but no network connection follows.
  builder.psexec({ host: hosts.ws03, user: "CORP\\bob", guid: "{5a1e0000-0003-6003-0300-000000000c03}", target: hosts.srv01, command: "hostname", at: 300_000, connect: false });
  return builder.events.sort((a, b) => a.timeCreated.localeCompare(b.timeCreated));
}

class ScenarioBuilder {
  readonly events: RawWinEvent[] = [];
  private readonly records = new Map<string, number>();
  constructor(private readonly t0: number) {}

  private push(host: Host, channel: string, provider: string, eventId: number, at: number, data: Record<string, string>) {
    const recordId = (this.records.get(host.name + channel) ?? 1000) + 1;
    this.records.set(host.name + channel, recordId);
    const time = new Date(this.t0 + at).toISOString();
    const utc = time.replace("T", " ").replace("Z", "");
    this.events.push({ channel, provider, eventId, computer: host.name, recordId, timeCreated: time, data: channel === SYSMON ? { RuleName: "-", UtcTime: utc, ...data } : data });
  }

  benign(i: number) {
    const host = [hosts.ws01, hosts.ws02, hosts.ws03][i % 3];
    const programs = ["C:\\Windows\\System32\\svchost.exe", "C:\\Program Files\\Mozilla Firefox\\firefox.exe", "C:\\Windows\\System32\\notepad.exe", "C:\\Windows\\explorer.exe"];
    const image = programs[i % programs.length];
    const guid = `{b0000000-${String(i).padStart(4, "0")}-6000-0000-00000000ffff}`;
    this.push(host, SYSMON, SYSMON_PROVIDER, 1, i * 2_500, processCreate(guid, 4000 + i, image, `"${image}"`, "CORP\\alice", "{b0000000-0000-6000-0000-000000000001}", "C:\\Windows\\explorer.exe"));
    if (i % 4 === 1) {
      this.push(host, SYSMON, SYSMON_PROVIDER, 3, i * 2_500 + 400, networkConnect(guid, 4000 + i, image, "CORP\\alice", host, { name: "update.example.net", ip: "93.184.216.34" }, 443));
    }
    if (i % 6 === 2) this.push(host, SYSMON, SYSMON_PROVIDER, 22, i * 2_500 + 200, { ProcessGuid: guid, ProcessId: String(4000 + i), QueryName: "update.example.net", QueryStatus: "0", QueryResults: "::ffff:93.184.216.34;", Image: image, User: "CORP\\alice" });
  }

  psexec(run: { host: Host; user: string; guid: string; target: Host; command: string; at: number; connect: boolean }) {
    const commandLine = `${PSEXEC} -accepteula \\\\${run.target.name.split(".")[0]} ${run.command}`;
    this.push(run.host, SYSMON, SYSMON_PROVIDER, 1, run.at, {
      ...processCreate(run.guid, 6100, PSEXEC, commandLine, run.user, "{5a1e0000-00ff-6000-0000-0000000000ff}", "C:\\Windows\\System32\\cmd.exe"),
      OriginalFileName: "psexec.c",
      Description: "Execute processes remotely",
      Product: "Sysinternals PsExec",
    });
    if (!run.connect) return;
    this.push(run.host, SYSMON, SYSMON_PROVIDER, 3, run.at + 350, networkConnect(run.guid, 6100, PSEXEC, run.user, run.host, run.target, 445));
  }

  targetShell(run: { host: Host; at: number; childCommand: string }) {
    const svc = "{5a1e0000-0ff1-6000-0000-0000000005e1}";
    this.push(run.host, "System", "Service Control Manager", 7045, run.at - 500, { ServiceName: "PSEXESVC", ImagePath: "%SystemRoot%\\PSEXESVC.exe", ServiceType: "user mode service", StartType: "demand start", AccountName: "LocalSystem" });
    this.push(run.host, SYSMON, SYSMON_PROVIDER, 1, run.at - 300, processCreate(svc, 700, "C:\\Windows\\PSEXESVC.exe", "C:\\Windows\\PSEXESVC.exe", "NT AUTHORITY\\SYSTEM", "{5a1e0000-0ff0-6000-0000-0000000005e0}", "C:\\Windows\\System32\\services.exe"));
    this.push(run.host, SYSMON, SYSMON_PROVIDER, 1, run.at, processCreate("{5a1e0000-0ff2-6000-0000-0000000005e2}", 712, "C:\\Windows\\System32\\cmd.exe", run.childCommand, "NT AUTHORITY\\SYSTEM", svc, "C:\\Windows\\PSEXESVC.exe"));
  }
}

function processCreate(guid: string, pid: number, image: string, commandLine: string, user: string, parentGuid: string, parentImage: string): Record<string, string> {
  return {
    ProcessGuid: guid,
    ProcessId: String(pid),
    Image: image,
    OriginalFileName: image.split("\\").pop()!.toUpperCase(),
    CommandLine: commandLine,
    CurrentDirectory: "C:\\Windows\\system32\\",
    User: user,
    LogonId: "0x3e7a1",
    IntegrityLevel: "High",
    Hashes: "SHA256=0000000000000000000000000000000000000000000000000000000000000000",
    ParentProcessGuid: parentGuid,
    ParentProcessId: "1200",
    ParentImage: parentImage,
    ParentCommandLine: `"${parentImage}"`,
  };
}

function networkConnect(guid: string, pid: number, image: string, user: string, from: Host, to: Host, port: number): Record<string, string> {
  return {
    ProcessGuid: guid,
    ProcessId: String(pid),
    Image: image,
    User: user,
    Protocol: "tcp",
    Initiated: "true",
    SourceIsIpv6: "false",
    SourceIp: from.ip,
    SourceHostname: from.name,
    SourcePort: "50122",
    DestinationIsIpv6: "false",
    DestinationIp: to.ip,
    DestinationHostname: to.name,
    DestinationPort: String(port),
    DestinationPortName: port === 445 ? "microsoft-ds" : "https",
  };
}
