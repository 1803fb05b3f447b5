import type { EcsEvent } from "@/lib/ecs/event";
import type { PriorityConfig } from "@/lib/triage/priority-config";
import { baseName, eventRef, eventTime, firstString, processArgs, stringValues, type EventRef } from "@/lib/triage/event-fields";
import { parsePsExecArgs, type PsExecInvocation } from "@/lib/triage/psexec-args";
import { hostsMatch } from "@/lib/triage/host-name";
import type { Destination } from "@/lib/triage/alert-facts";

export type SensitiveFinding = {
  code: "sensitive_child_process" | "sensitive_remote_command" | "sensitive_service_child";
  processName: string;
  eventRef: EventRef;
};

export type SensitiveContext = {
  stage1: EcsEvent;
  stage1Ref: EventRef;
  related: readonly EcsEvent[];
  destinations: readonly Destination[];
  config: PriorityConfig;
};

/** Case-insensitive set; `cmd` (no extension, as typed after PsExec) also matches `cmd.exe`. */
export function sensitiveMatcher(names: readonly string[]): (program: string) => boolean {
  const set = new Set(names.map((n) => n.toLowerCase()));
  return (program) => {
    const name = baseName(program.trim().replace(/^"|"$/g, "")).toLowerCase();
    return name.length > 0 && (set.has(name) || (!name.includes(".") && set.has(`${name}.exe`)));
  };
}

function processName(event: EcsEvent): string | undefined {
  const executable = firstString(event, "process.executable");
  return firstString(event, "process.name") ?? (executable ? baseName(executable) : undefined);
}

function parentName(event: EcsEvent): string | undefined {
  const executable = firstString(event, "process.parent.executable");
  return firstString(event, "process.parent.name") ?? (executable ? baseName(executable) : undefined);
}

function onDestination(event: EcsEvent, ctx: SensitiveContext, invocation: PsExecInvocation): boolean {
  const host = firstString(event, "host.name") ?? firstString(event, "host.hostname");
  const source = firstString(ctx.stage1, "host.name") ?? firstString(ctx.stage1, "host.hostname");
  // Without a `\\host` PsExec runs the command through a local PSEXESVC.
  if (invocation.targets.length === 0) return host !== undefined && source !== undefined && hostsMatch(host, source);
  // `\\*` and `@file` name no host: any other machine may be a target.
  if (invocation.targets.some((t) => t.kind !== "host")) return host !== undefined && (!source || !hostsMatch(host, source));
  const ips = stringValues(event, "host.ip");
  return ctx.destinations.some(
    (d) => (host !== undefined && d.host !== undefined && hostsMatch(host, d.host)) || (d.ip !== undefined && ips.includes(d.ip)),
  );
}

/** The three ways the playbook's "PsExec spawned a sensitive process" shows up in the logs. */
export function findSensitiveActivity(ctx: SensitiveContext): SensitiveFinding[] {
  const isSensitive = sensitiveMatcher(ctx.config.sensitiveProcesses);
  const findings: SensitiveFinding[] = [];
  const invocation = parsePsExecArgs(processArgs(ctx.stage1));
  if (invocation.command && isSensitive(invocation.command)) {
    findings.push({ code: "sensitive_remote_command", processName: baseName(invocation.command), eventRef: ctx.stage1Ref });
  }
  const entityId = firstString(ctx.stage1, "process.entity_id");
  const start = eventTime(ctx.stage1);
  ctx.related.forEach((event, index) => {
    const name = processName(event);
    if (!name || !isSensitive(name)) return;
    const ref = eventRef(event, "related", index);
    if (entityId && firstString(event, "process.parent.entity_id") === entityId) {
      findings.push({ code: "sensitive_child_process", processName: name, eventRef: ref });
      return;
    }
    if (parentName(event)?.toLowerCase() !== "psexesvc.exe") return;
    const t = eventTime(event);
    const inWindow = t >= start - ctx.config.clockSkewMs && t <= start + ctx.config.stageWindowMs + ctx.config.clockSkewMs;
    if (inWindow && onDestination(event, ctx, invocation)) {
      findings.push({ code: "sensitive_service_child", processName: name, eventRef: ref });
    }
  });
  return findings;
}
