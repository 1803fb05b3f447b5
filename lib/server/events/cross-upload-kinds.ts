import type { EventKeys } from "@/lib/server/events/event-keys";

/** find-alert-evidence.ts's destination-side event codes: service installs, share access, logons. */
const TARGET_CODES = new Set(["7045", "4697", "5140", "5145", "4624"]);
const PSEXEC = new Set(["psexec.exe", "psexec64.exe"]);

/**
 * Events always stored, whether or not this upload raises an alert: what an alert raised from ANOTHER
 * upload (the source host's log uploaded before or after the target's) reads from this one.
 * - destination side (find-alert-evidence.ts): PSEXESVC's own events (process start, pipes, network),
 *   service installs 7045/4697, share access 5140/5145, logons 4624, and PSEXESVC's children — by
 *   parent name here, by parent process id when PSEXESVC's start is in the same upload (the selector);
 * - priority (sensitive-activity.ts): PSEXESVC's children again, and PsExec's own events and children
 *   (a renamed PsExec's children are only kept when its start is in the same upload).
 */
export function isCrossUploadKind(keys: EventKeys): boolean {
  return (
    keys.processName === "psexesvc.exe" ||
    keys.parentName === "psexesvc.exe" ||
    (keys.code !== null && TARGET_CODES.has(keys.code)) ||
    (keys.processName !== null && PSEXEC.has(keys.processName)) ||
    (keys.parentName !== null && PSEXEC.has(keys.parentName))
  );
}
