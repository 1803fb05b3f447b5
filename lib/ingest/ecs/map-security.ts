import type { EcsEvent } from "@/lib/ecs/event";
import { getPath, longDecode, setPath } from "@/lib/ingest/ecs/ecs-object";
import { splitSecurityCommandLine } from "@/lib/ingest/ecs/split-command-line";
import type { Categorisation } from "@/lib/ingest/ecs/sysmon-categories";

/** Subset of "Set ECS categorization fields" in the System integration's security pipeline. */
const SECURITY_CATEGORIES: Record<number, Categorisation> = {
  4624: { category: ["authentication"], type: ["start"], action: "logged-in" },
  4625: { category: ["authentication"], type: ["start"], action: "logon-failed" },
  4634: { category: ["authentication"], type: ["end"], action: "logged-out" },
  4648: { category: ["authentication"], type: ["start"], action: "logged-in-explicit" },
  4672: { category: ["iam"], type: ["admin"], action: "logged-in-special" },
  4688: { category: ["process"], type: ["start"], action: "created-process" },
  4689: { category: ["process"], type: ["end"], action: "exited-process" },
  4697: { category: ["iam", "configuration"], type: ["admin", "change"], action: "service-installed" },
  5140: { category: ["network", "file"], type: ["info", "access"], action: "network-share-object-accessed" },
  5145: { category: ["network", "file"], type: ["info", "access"], action: "network-share-object-access-checked" },
};

const LOGON_TYPES: Record<string, string> = {
  "2": "Interactive", "3": "Network", "4": "Batch", "5": "Service", "7": "Unlock", "8": "NetworkCleartext",
  "9": "NewCredentials", "10": "RemoteInteractive", "11": "CachedInteractive",
};

const SERVICE_TYPES: Record<string, string> = {
  "0x1": "Kernel Driver", "0x2": "File System Driver", "0x8": "Recognizer Driver", "0x10": "Win32 Own Process",
  "0x20": "Win32 Share Process", "0x110": "Interactive Own Process", "0x120": "Interactive Share Process",
};

const TARGET_USER_EVENTS = [4624, 4625, 4634, 4647, 4648, 4768, 4769, 4770, 4771, 4776, 4964];
const SUBJECT_USER_EVENTS = [4648, 4672, 4688, 4689, 4697, 5140, 5145];
const COMMON_AUTH_EVENTS = [4624, 4625, 4648, 4689, 4697, 5140, 5145];

/** Security pipeline's basename: `splitOnToken("\\")[-1]`, so the whole string when there is no "\". */
const lastPart = (path: string) => path.slice(path.lastIndexOf("\\") + 1);

/** Processors of the Security pipeline for the events this app uses (4624, 4688, 5140, 5145, …). */
export function mapSecurity(ecs: EcsEvent, eventId: number, data: Record<string, string>): void {
  const set = (path: string, v: unknown) => { if (v !== undefined) setPath(ecs, path, v); };
  const cat = SECURITY_CATEGORIES[eventId];
  if (cat) for (const [k, v] of Object.entries(cat)) setPath(ecs, `event.${k}`, v);
  if (data.LogonType && LOGON_TYPES[data.LogonType]) set("winlog.logon.type", LOGON_TYPES[data.LogonType]);
  if (data.ServiceName !== undefined) set("service.name", data.ServiceName);
  if (data.ServiceType !== undefined) set("service.type", SERVICE_TYPES[data.ServiceType]);

  if (TARGET_USER_EVENTS.includes(eventId)) {
    // First writer takes user.*, a second one goes to user.target.* (pipeline "Copy Target User").
    const id = data.TargetUserSid ?? data.TargetSid;
    if (id !== undefined) set(getPath(ecs, "user.id") === undefined ? "user.id" : "user.target.id", id);
    if (data.TargetUserName !== undefined) {
      set(getPath(ecs, "user.name") === undefined ? "user.name" : "user.target.name", data.TargetUserName.split("@")[0]);
    }
    if (data.TargetDomainName !== undefined) {
      set(getPath(ecs, "user.domain") === undefined ? "user.domain" : "user.target.domain", data.TargetDomainName);
    }
  }
  if (SUBJECT_USER_EVENTS.includes(eventId)) {
    set("user.id", data.SubjectUserSid);
    set("user.name", data.SubjectUserName);
    set("user.domain", data.SubjectDomainName);
  }
  if (eventId === 4648 || eventId === 4688) {
    const usable = (v: string | undefined) => (v !== undefined && v !== "" && v !== "-" ? v : undefined);
    set("user.effective.id", usable(data.TargetUserSid));
    set("user.effective.name", usable(data.TargetUserName)?.split("@")[0]);
    set("user.effective.domain", usable(data.TargetDomainName));
  }
  set("winlog.logon.id", data.SubjectLogonId);

  if (COMMON_AUTH_EVENTS.includes(eventId)) {
    set("process.pid", longDecode(data.ProcessId));
    set("process.executable", data.ProcessName);
    if (data.IpAddress !== undefined && data.IpAddress !== "-") set("source.ip", data.IpAddress);
    if (data.IpPort !== undefined && data.IpPort !== "-") set("source.port", longDecode(data.IpPort));
    set("source.domain", data.WorkstationName);
  }
  if (eventId === 4688) {
    set("process.pid", longDecode(data.NewProcessId));
    set("process.executable", data.NewProcessName);
    set("process.parent.executable", data.ParentProcessName);
    set("process.parent.pid", longDecode(data.ProcessId));
    if (data.CommandLine !== undefined) {
      set("process.args", splitSecurityCommandLine(data.CommandLine));
      set("process.command_line", data.CommandLine);
    }
  }
  for (const prefix of ["process", "process.parent"]) {
    const exe = getPath(ecs, `${prefix}.executable`);
    if (typeof exe === "string" && getPath(ecs, `${prefix}.name`) === undefined) set(`${prefix}.name`, lastPart(exe));
  }
}
