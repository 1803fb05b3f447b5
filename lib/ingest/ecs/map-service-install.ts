import type { EcsEvent } from "@/lib/ecs/event";
import { setPath } from "@/lib/ingest/ecs/ecs-object";

/**
 * System 7045 "A service was installed". Elastic's System pipeline maps nothing for it, so this is
 * the project's own choice, named after the Security 4697 mapping (same event, other channel):
 * service.name/type and the service binary as file.path.
 */
export function mapServiceInstall(ecs: EcsEvent, data: Record<string, string>): void {
  setPath(ecs, "event.category", ["configuration"]);
  setPath(ecs, "event.type", ["creation"]);
  setPath(ecs, "event.action", "service-installed");
  const set = (path: string, v: string | undefined) => { if (v !== undefined && v !== "") setPath(ecs, path, v); };
  set("service.name", data.ServiceName);
  set("service.type", data.ServiceType);
  set("file.path", data.ImagePath);
}
