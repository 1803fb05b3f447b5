import type { EcsEvent } from "@/lib/ecs/event";
import { getPath, setPath, toLong } from "@/lib/ingest/ecs/ecs-object";
import { isIpAddress } from "@/lib/ingest/ecs/is-ip";
import { splitCommandLine } from "@/lib/ingest/ecs/split-command-line";
import { SYSMON_CATEGORIES } from "@/lib/ingest/ecs/sysmon-categories";

const EMPTY_VALUES = new Set(["", "-", "{00000000-0000-0000-0000-000000000000}"]);

/** The pipeline's first step: placeholders are not values (an all-zero GUID must not join events). */
export function dropEmptyValues(data: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) if (!EMPTY_VALUES.has(v)) out[k] = v;
  return out;
}

/** Painless getProcessName: text after the last backslash; no backslash → no name. */
export function sysmonProcessName(path: string): string | undefined {
  const idx = path.lastIndexOf("\\");
  const name = idx > -1 ? path.slice(idx + 1) : "";
  return name === "" ? undefined : name;
}

/** "yyyy-MM-dd HH:mm:ss.SSS" in UTC (Sysmon UtcTime) → ISO, or undefined when it doesn't parse. */
export function parseUtcTime(v: string | undefined): string | undefined {
  const m = v ? /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})$/.exec(v) : null;
  if (!m) return undefined;
  const d = new Date(`${m[1]}T${m[2]}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * Applies the Sysmon-specific processors of the `windows.sysmon_operational` ingest pipeline, in
 * pipeline order, to `ecs` (which already holds the common fields). `data` is the cleaned event_data.
 */
export function mapSysmon(ecs: EcsEvent, eventId: number, data: Record<string, string>): void {
  const code = String(eventId);
  const set = (path: string, v: unknown) => { if (v !== undefined && v !== "") setPath(ecs, path, v); };
  const timestamp = parseUtcTime(data.UtcTime);
  if (timestamp) ecs["@timestamp"] = timestamp;
  const cat = SYSMON_CATEGORIES[eventId];
  if (cat) for (const [k, v] of Object.entries(cat)) setPath(ecs, `event.${k}`, v);
  set("rule.name", data.RuleName);

  const hashes = parseHashes(data.Hashes ?? data.Hash);
  if (hashes) {
    const target = ["1", "23", "24", "25"].includes(code) ? "process" : ["6", "7", "15", "26", "29"].includes(code) ? "file" : null;
    if (target) {
      const { imphash, ...rest } = hashes;
      set(`${target}.hash`, rest);
      set(`${target}.pe.imphash`, imphash);
    }
    setPath(ecs, "related.hash", Object.values(hashes));
  }

  // Later renames win, as in the pipeline (SourceProcessGuid over ProcessGuid for EID 8/10).
  set("process.entity_id", data.ProcessGuid);
  set("process.pid", toLong(data.ProcessId));
  set("process.executable", data.Image);
  set("process.entity_id", data.SourceProcessGuid);
  set("process.entity_id", data.SourceProcessGUID);
  set("process.pid", toLong(data.SourceProcessId));
  set("process.thread.id", toLong(data.SourceThreadId));
  set("process.executable", data.SourceImage);
  set("process.executable", data.Destination);
  set("process.command_line", data.CommandLine);
  set("process.working_directory", data.CurrentDirectory);
  set("process.parent.entity_id", data.ParentProcessGuid);
  set("process.parent.pid", toLong(data.ParentProcessId));
  set("process.parent.executable", data.ParentImage);
  set("process.parent.command_line", data.ParentCommandLine);
  const pe = eventId === 7 ? "file.pe" : "process.pe";
  set(`${pe}.original_file_name`, data.OriginalFileName);
  set(`${pe}.company`, data.Company);
  set(`${pe}.description`, data.Description);
  set(`${pe}.file_version`, data.FileVersion);
  set(`${pe}.product`, data.Product);

  for (const prefix of ["process", "process.parent"]) {
    const cmd = getPath(ecs, `${prefix}.command_line`);
    if (typeof cmd === "string" && cmd !== "") {
      const args = splitCommandLine(cmd);
      setPath(ecs, `${prefix}.args`, args);
      setPath(ecs, `${prefix}.args_count`, args.length);
    }
    const exe = getPath(ecs, `${prefix}.executable`);
    if (typeof exe === "string" && exe.length > 1 && getPath(ecs, `${prefix}.name`) === undefined) {
      set(`${prefix}.name`, sysmonProcessName(exe));
    }
  }

  mapSysmonFile(ecs, data, set);
  mapSysmonNetwork(ecs, eventId, data, set);

  const user = data.User?.split("\\");
  if (user && user.length === 2) {
    set("user.domain", user[0]);
    set("user.name", user[1]);
  }
}

type Setter = (path: string, v: unknown) => void;

function mapSysmonFile(ecs: EcsEvent, data: Record<string, string>, set: Setter): void {
  set("file.path", data.TargetFilename);
  set("file.path", data.Device);
  set("file.name", data.PipeName);
  set("file.path", data.ImageLoaded);
  set("file.code_signature.subject_name", data.Signature);
  set("file.code_signature.status", data.SignatureStatus);
  if (data.SignatureStatus === "Valid") set("file.code_signature.valid", true);
  const path = getPath(ecs, "file.path");
  if (typeof path === "string" && path.length > 1) {
    const idx = path.lastIndexOf("\\");
    if (idx > -1) {
      set("file.name", path.slice(idx + 1));
      set("file.directory", path.slice(0, idx));
      const ext = path.lastIndexOf(".");
      if (ext > -1) set("file.extension", path.slice(ext + 1));
    }
  }
}

function mapSysmonNetwork(ecs: EcsEvent, eventId: number, data: Record<string, string>, set: Setter): void {
  const ip = (v: string | undefined) => (v !== undefined && isIpAddress(v) ? v : undefined);
  set("network.transport", data.Protocol);
  if (eventId !== 22) {
    set("network.protocol", data.DestinationPortName);
    set("network.protocol", data.SourcePortName);
  } else {
    set("network.protocol", "dns");
  }
  set("source.ip", ip(data.SourceIp));
  set("source.domain", data.SourceHostname);
  set("source.port", toLong(data.SourcePort));
  set("destination.ip", ip(data.DestinationIp));
  set("destination.domain", data.DestinationHostname);
  set("destination.port", toLong(data.DestinationPort));
  set("dns.question.name", data.QueryName);
  if (data.Initiated === "true") set("network.direction", "egress");
  if (data.Initiated === "false") set("network.direction", "ingress");
  if (data.SourceIsIpv6 === "false") set("network.type", "ipv4");
  if (data.SourceIsIpv6 === "true") set("network.type", "ipv6");
}

/** `kv` on "SHA1=…,MD5=…" then lower-casing, dropping empty or all-zero hashes. */
function parseHashes(v: string | undefined): Record<string, string> | undefined {
  if (!v) return undefined;
  const out: Record<string, string> = {};
  for (const pair of v.split(",")) {
    const eq = pair.indexOf("=");
    if (eq < 1) continue;
    const value = pair.slice(eq + 1).toLowerCase();
    if (/^0*$/.test(value)) continue;
    out[pair.slice(0, eq).toLowerCase()] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
