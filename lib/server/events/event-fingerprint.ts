import { createHash } from "node:crypto";
import { getField, type EcsEvent } from "@/lib/ecs/event";

/**
 * Identity of an event across uploads: the source record (channel + record id + host + time) when the
 * log has one, else the content. Re-uploading the same records therefore never duplicates evidence.
 */
export function eventFingerprint(event: EcsEvent): string {
  const recordId = getField(event, "winlog.record_id");
  const hash = createHash("sha256");
  if (recordId !== undefined && recordId !== null) {
    hash.update(["rec", getField(event, "winlog.channel"), recordId, getField(event, "host.name"), getField(event, "@timestamp")].join("\u0000"));
  } else {
    hash.update(`doc\u0000${JSON.stringify(event)}`);
  }
  return hash.digest("base64url");
}
